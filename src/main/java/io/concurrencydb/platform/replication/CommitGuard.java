package io.concurrencydb.platform.replication;

import io.concurrencydb.platform.background.OwnScheduler;
import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Bounds how long a write waits for a synchronous standby. With synchronous replication and no standby,
 * PostgreSQL holds every COMMIT until one returns (statement_timeout does not end the wait); only a cancel
 * does, and the commit then succeeds on the primary alone with a warning (SQLSTATE 01000). Such a write is
 * not acknowledged: the request answers 503 commit-unconfirmed (CommitOutcome).
 *
 * <p>A write that commits by itself (autocommit) gets a query timeout, which pgjdbc turns into a cancel; its
 * warning is read from the statement. A container transaction's COMMIT has no timeout, so a watch is set on
 * it when it starts and cancels it on the connection once the bound has passed.
 */
@ApplicationScoped
public class CommitGuard {

    private static final Logger LOG = Logger.getLogger(CommitGuard.class.getName());
    private static final Object WATCH = CommitWatch.class;
    private static final String WARNING = "01000";

    @Inject
    @ConfigProperty(name = "db.commit.wait.s", defaultValue = "5")
    int boundSeconds;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threads;

    // a thread of its own (OwnScheduler), so that a cancel never queues behind other work
    private ScheduledExecutorService scheduler;
    private boolean driverVisible;

    @PostConstruct
    void start() {
        if (boundSeconds < 1) {
            // 0 would mean no query timeout to JDBC, and an immediate cancel to the watch
            LOG.warning("DB_COMMIT_WAIT_S must be at least 1; using 1");
            boundSeconds = 1;
        }
        scheduler = OwnScheduler.start(threads);
        try {
            Class.forName("org.postgresql.PGConnection");
            driverVisible = true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.warning("pgjdbc is not visible to the application: a container transaction's commit waits for a "
                    + "synchronous standby without bound (socketTimeout ends it)");
        }
    }

    @PreDestroy
    void stop() {
        OwnScheduler.stop(scheduler);
    }

    /** The bound, in seconds: also the Retry-After of a commit-unconfirmed problem. */
    public int boundSeconds() {
        return boundSeconds;
    }

    /** A pooled connection for a write; inside a container transaction, its commit is watched. */
    public Connection connect(DataSource dataSource) {
        Connection connection = Sql.connect(dataSource);
        if (driverVisible && transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && transactions.getResource(WATCH) == null) {
            try {
                // one watch per transaction: the container gives it one physical connection per data source
                CommitWatch watch = new CommitWatch(connection.unwrap(PGConnection.class), boundSeconds, scheduler);
                transactions.putResource(WATCH, watch);
                transactions.registerInterposedSynchronization(watch);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot watch this transaction's commit", e);
            }
        }
        return connection;
    }

    /** A write statement; in autocommit it commits by itself, so its query timeout bounds the commit too. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (connection.getAutoCommit()) {
            statement.setQueryTimeout(boundSeconds);
        }
        return statement;
    }

    /** After an autocommitted write ran: a commit whose wait for the standby was cancelled is not confirmed. */
    public void confirm(Statement statement) throws SQLException {
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            if (WARNING.equals(w.getSQLState())) {
                if (!CommitOutcome.unconfirmed(w.getMessage())) {
                    LOG.warning("a write outside a request committed without a standby's confirmation");
                }
                return;
            }
        }
    }
}
