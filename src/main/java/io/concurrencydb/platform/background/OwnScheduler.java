package io.concurrencydb.platform.background;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A scheduler on a thread of the application's own (from the container's ManagedThreadFactory, so calls to EJBs
 * and the data source work on it), for the change feed's sequencer, which runs as long as the application, and
 * the commit watch.
 *
 * <p>Not the server's default ManagedScheduledExecutorService: on Payara it has a single thread shared by every
 * application, and a sequencer waiting for a standby would stall whatever else runs there. And Payara undeploys
 * the EJB container before the application's beans are destroyed, so the sequencer's last runs call an
 * undeployed EJB, whose container then fails in postInvoke and leaves the call's invocation on the thread
 * (Payara: "postInvoke not called with top of the invocation stack"); on the shared thread, after one such
 * redeploy, the redeployed application's feed never delivered again. An own thread is stopped, and its run
 * awaited, when the application stops, and whatever a run leaves on it ends with it.
 *
 * <p>The streams' poll (EventStreams) stays on the server's scheduler: it runs only while streams are open, and
 * on a thread of this kind a stalled stream was once not cut off (ChangeFeedIT E6 on Payara Server, one run of
 * three; not established why).
 */
public final class OwnScheduler {

    private static final Logger LOG = Logger.getLogger(OwnScheduler.class.getName());
    private static final long STOP_WAIT_SECONDS = 10;

    public static ScheduledExecutorService start(ManagedThreadFactory threads) {
        return Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Stops the scheduler (or a GrowingPool) and waits (10 s at most) for a run in progress to end. */
    public static void stop(ExecutorService scheduler) {
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
