package io.concurrencydb.platform.replication;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Cancels one transaction's COMMIT on its connection when it has waited the bound. The states keep a cancel
 * from being sent once the commit has returned, when the connection may already serve another request; a
 * cancel sent in the last instant can still reach the next statement, which then fails as 57014 (503
 * contention), as with any JDBC query timeout.
 */
final class CommitWatch implements Synchronization {

    private static final Logger LOG = Logger.getLogger(CommitWatch.class.getName());
    private static final int COMMITTING = 0;
    private static final int CANCELLING = 1;
    private static final int CANCELLED = 2;
    private static final int DONE = 3;

    private final PGConnection connection;
    private final int boundSeconds;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger state = new AtomicInteger(COMMITTING);
    private ScheduledFuture<?> timer;

    CommitWatch(PGConnection connection, int boundSeconds, ScheduledExecutorService scheduler) {
        this.connection = connection;
        this.boundSeconds = boundSeconds;
        this.scheduler = scheduler;
    }

    @Override
    public void beforeCompletion() {
        timer = scheduler.schedule(this::cancel, boundSeconds, TimeUnit.SECONDS);
    }

    private void cancel() {
        if (!state.compareAndSet(COMMITTING, CANCELLING)) {
            return;
        }
        try {
            connection.cancelQuery();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not cancel a commit waiting for a standby", e);
        } finally {
            synchronized (state) {
                state.set(CANCELLED);
                state.notifyAll();
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (state.compareAndSet(COMMITTING, DONE)) {
            return;
        }
        awaitCancelSent();
        if (status == Status.STATUS_COMMITTED && !CommitOutcome.unconfirmed(
                "no synchronous standby confirmed the commit within " + boundSeconds + " s")) {
            LOG.warning("a write outside a request committed without a standby's confirmation");
        }
    }

    private void awaitCancelSent() {
        synchronized (state) {
            while (state.get() != CANCELLED) {
                try {
                    state.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
