package dev.brickwork.platform.db;

/** Where the server's (or a test's) database lives. The password is never logged. */
public record DatabaseTarget(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public DatabaseTarget withDatabase(String name) {
        return new DatabaseTarget(host, port, name, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + host + ":" + port + "/" + database + " as " + user + "]";
    }
}
