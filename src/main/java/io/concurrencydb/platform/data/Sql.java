package io.concurrencydb.platform.data;

import io.concurrencydb.platform.problem.ContentionException;
import io.concurrencydb.platform.problem.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import javax.sql.DataSource;

/** Connections and SQL failures, the same way for every component. */
public final class Sql {

    /**
     * The resource reference every component uses. web.xml declares it; payara-web.xml and jboss-web.xml
     * map it to each server's DataSource, so the WAR names no server-specific JNDI name.
     */
    public static final String DATA_SOURCE = "jdbc/products";

    /** SQLSTATE 23503: a row other rows refer to cannot go. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    /** SQLSTATE 25001: a statement that must start a transaction came after another. */
    public static final String ACTIVE_TRANSACTION = "25001";

    // admin shutdown, crash shutdown, cannot connect now, too many connections, 55000, which the driver gives a
    // cached statement whose connection the server has just terminated ("statement has been closed"), and
    // 25006, a write that reached a server in recovery: a standby, until a failover makes it the primary
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000",
            "25006");
    // lock_timeout, statement_timeout, serialization failure, deadlock
    private static final Set<String> CONTENTION_STATES = Set.of("55P03", "57014", "40001", "40P01");

    private Sql() {
    }

    /**
     * A timestamptz column as a UTC date-time. Read with getTimestamp, not getObject(column, OffsetDateTime.class):
     * Payara's result-set wrapper (on a pool that wraps JDBC objects, Payara's default) looks that JDBC 4.1 method
     * up by reflection at every call, about half of what mapping a page of rows cost in the benchmark's profile.
     */
    public static OffsetDateTime utc(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A pooled connection; failing to get one means the database is unavailable, whatever the cause. */
    public static Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            // RuntimeException too: Payara's pool can throw IllegalStateException ("Task already scheduled or
            // cancelled") while it drops every connection after one failed validation
            throw new DatabaseUnavailableException(e);
        }
    }

    /** True when {@code failure} or one of its causes is a serialization failure or a deadlock (SQLSTATE 40001, 40P01). */
    public static boolean isSerializationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The exception to throw for a failed statement: 503 when retrying may help, otherwise a 500. */
    public static RuntimeException failure(SQLException e) {
        if (isConnectionFailure(e)) {
            return new DatabaseUnavailableException(e);
        }
        if (CONTENTION_STATES.contains(e.getSQLState())) {
            return new ContentionException("the database gave up waiting on other writers (SQLSTATE "
                    + e.getSQLState() + "); retry later");
        }
        return new IllegalStateException("statement failed with SQLSTATE " + e.getSQLState(), e);
    }

    /**
     * True when {@code failure} or a cause says the database could not be reached or dropped the connection:
     * SQLSTATE class 08, a shutdown, no state at all (the pool's own failures), a resource adapter error, or a
     * transaction the container could not complete (a commit on a dead connection ends as a bare
     * jakarta.transaction.SystemException on Payara, with no SQL cause attached), or a runtime failure raised
     * inside Payara's connection handle or the driver.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
            } else if (t.getClass().getName().startsWith("jakarta.resource.")
                    || t.getClass().getName().startsWith("jakarta.transaction.")
                    || t instanceof RuntimeException && thrownByConnectionCode(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Payara's pool, when one connection fails validation, destroys every connection (fail-all-connections),
     * and can destroy one it is handing out at that moment: the handle's first statement then throws
     * NullPointerException ("this.con is null") from com.sun.gjc, or the driver, starting the statement's
     * timer on the closed connection, IllegalStateException ("Timer already cancelled", from java.util.Timer
     * called by PgConnection.addTimerTask). A failure thrown there (the first frame outside the JDK is the
     * pool's or the driver's), not in the service's code, is a lost connection like any other.
     */
    private static boolean thrownByConnectionCode(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.startsWith("com.sun.gjc.") || type.startsWith("org.postgresql.");
            }
        }
        return false;
    }
}
