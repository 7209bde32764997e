package dev.brickwork.runtime.api;

import java.util.List;
import java.util.UUID;

/** The directory (docs/spec.md §8): people and departments as every signed-in user may see them. */
public final class DirectoryApi {

    private DirectoryApi() {
    }

    public record PersonList(List<Person> items) {
    }

    public record Person(UUID id, String username, String displayName, boolean disabled, DepartmentRef department) {
    }

    public record DepartmentRef(UUID id, String name) {
    }

    public record DepartmentList(List<Department> items) {
    }

    public record Department(UUID id, String name, UUID parent, String path) {
    }
}
