package io.concurrencydb.platform.background;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A scheduler on a thread of the application's own (from the container's ManagedThreadFactory, so calls to EJBs
 * and the data source work on it), for the loops that run as long as the application: the change feed's
 * sequencer, the streams' poll, the commit watch.
 *
 * <p>Not the server's default ManagedScheduledExecutorService: on Payara it has a single thread shared by every
 * application, so a sequencer waiting for a standby stalls the streams' poll; and a run that spanned an undeploy
 * (the test suite redeploys per class) once left the old deployment's invocation on that shared thread (Payara:
 * "postInvoke not called with top of the invocation stack"), after which the redeployed application's feed
 * never delivered again. An own thread is stopped, and its run awaited, when the application stops, and
 * whatever a run leaves on it ends with it.
 */
public final class OwnScheduler {

    private static final Logger LOG = Logger.getLogger(OwnScheduler.class.getName());
    private static final long STOP_WAIT_SECONDS = 10;

    public static ScheduledExecutorService start(ManagedThreadFactory threads) {
        return Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Stops the scheduler and waits (10 s at most) for a run in progress to end. */
    public static void stop(ScheduledExecutorService scheduler) {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("a background run did not end within " + STOP_WAIT_SECONDS + " s of the application stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OwnScheduler() {
    }
}
