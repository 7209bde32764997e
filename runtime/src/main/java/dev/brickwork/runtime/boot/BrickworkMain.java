package dev.brickwork.runtime.boot;

import dev.brickwork.platform.db.DatabaseTarget;
import dev.brickwork.platform.db.PostgresBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The server's entry point. Before Quarkus starts it makes sure there is a database to start on: the configured
 * PostgreSQL, or an embedded one in the data directory when {@code BRICKWORK_DB_HOST} is not set; the database
 * is created when missing. Migrations run as Quarkus starts.
 */
@QuarkusMain
public final class BrickworkMain {

    private BrickworkMain() {
    }

    public static void main(String... args) {
        DatabaseTarget target = PostgresBootstrap.fromEnvironment(System.getenv());
        PostgresBootstrap.ensureDatabase(target);
        PostgresBootstrap.quarkusProperties(target).forEach(System::setProperty);
        Quarkus.run(args);
    }
}
