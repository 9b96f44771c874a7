package io.concurrencydb.support;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the database before the first integration test and stops it after the last. Failsafe sets
 * {@code products.it.database}: "embedded" starts one on the port Maven reserved and gives its URL to the
 * server through DB_URL; "environment" uses the DB_URL the user set. Either way init.sql is applied. It also
 * makes the suite's token key pair (support.Tokens), whose public key every server reads when it starts.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    private static Database database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String mode = System.getProperty("products.it.database");
        if (mode == null || database != null) {
            return;
        }
        Tokens.keys();
        try {
            database = "embedded".equals(mode)
                    ? Database.embedded(Path.of("target", "embedded-pg"), Integer.getInteger("products.it.db.port"))
                    : Database.fromEnvironment();
            database.applySchema(Path.of("init.sql"));
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the test database", e);
            } finally {
                database = null;
            }
        }
    }

    /** The database the tests run against, for checks that read it directly. */
    public static Database database() {
        return database;
    }
}
