package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.api.ApprovalApi.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Display names of users by id, read once each on a JDBC connection (a simulation names everyone it would ask). */
final class PeopleNames {

    private final Connection connection;
    private final Map<UUID, String> known = new HashMap<>();

    PeopleNames(Connection connection) {
        this.connection = connection;
    }

    List<Person> of(List<String> ids) {
        return ids.stream().map(UUID::fromString).map(id -> new Person(id, name(id))).toList();
    }

    private String name(UUID id) {
        return known.computeIfAbsent(id, this::read);
    }

    private String read(UUID id) {
        try (PreparedStatement query = connection.prepareStatement("SELECT display_name FROM brickwork.users WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A user's name could not be read", e);
        }
    }
}
