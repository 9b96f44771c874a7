package io.concurrencydb.platform.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    @DisplayName("a runtime failure thrown inside Payara's connection handle is a lost connection, wrapped or not")
    void failureInPayarasConnectionHandle() {
        NullPointerException destroyed = thrownAt("com.sun.gjc.spi.base.ConnectionHolder", "prepareStatement");
        assertTrue(Sql.isConnectionFailure(destroyed));
        assertTrue(Sql.isConnectionFailure(new EJBException(destroyed)));
    }

    @Test
    @DisplayName("the driver starting a statement's timer on a connection the pool closed meanwhile is a lost connection")
    void timerOfAClosedConnection() {
        IllegalStateException cancelled = new IllegalStateException("Timer already cancelled.");
        cancelled.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Timer", "sched", null, 408),
                new StackTraceElement("java.util.Timer", "schedule", null, 204),
                new StackTraceElement("org.postgresql.jdbc.PgConnection", "addTimerTask", null, 1366),
                new StackTraceElement("io.concurrencydb.catalog.control.ProductService", "create", null, 85)});
        assertTrue(Sql.isConnectionFailure(new EJBException(cancelled)));
        IllegalStateException own = new IllegalStateException("the service's own");
        own.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "requireNonNull", null, 233),
                new StackTraceElement("io.concurrencydb.catalog.control.ProductService", "create", null, 85)});
        assertFalse(Sql.isConnectionFailure(own));
    }

    @Test
    @DisplayName("the same failure thrown in the service's own code is not")
    void failureInTheServicesCode() {
        assertFalse(Sql.isConnectionFailure(thrownAt("io.concurrencydb.catalog.control.ProductService", "find")));
        assertFalse(Sql.isConnectionFailure(new EJBException(new IllegalStateException("the service's own"))));
        NullPointerException noFrames = new NullPointerException();
        noFrames.setStackTrace(new StackTraceElement[0]);
        assertFalse(Sql.isConnectionFailure(noFrames));
    }

    @Test
    @DisplayName("SQL states: class 08 and the unavailable ones are lost connections, a constraint violation is not")
    void sqlStates() {
        assertTrue(Sql.isConnectionFailure(new EJBException(new RuntimeException(new SQLException("io", "08006")))));
        assertTrue(Sql.isConnectionFailure(new SQLException("too many clients", "53300")));
        assertFalse(Sql.isConnectionFailure(new SQLException("duplicate key", "23505")));
    }

    private static NullPointerException thrownAt(String className, String method) {
        NullPointerException failure = new NullPointerException("Cannot invoke \"java.sql.Connection.prepareStatement"
                + "(String)\" because \"this.con\" is null");
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, null, 536)});
        return failure;
    }
}
