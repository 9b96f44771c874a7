package io.concurrencydb.changes.control;

import io.concurrencydb.platform.background.OwnScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the feed's sequencer every 100 ms on every instance (one run at a time in the cluster: the others find
 * the lock taken and skip). A run that finds nothing new costs one indexed query.
 */
@ApplicationScoped
public class FeedSequencing {

    private static final long PERIOD_MILLIS = 100;
    // a run holds the lock for milliseconds; this long without it, whoever holds it is named in the log
    private static final long LOCKED_OUT_WARNING_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(FeedSequencing.class.getName());

    @EJB
    FeedSequencer sequencer;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService scheduler;
    private volatile boolean failing;
    private long lockedOutSince;
    private boolean lockedOutTold;

    // After the other start-up observers (a later priority): on Payara the pool's statistics count only the
    // connections opened once PoolStatistics has booted AMX, so nothing borrows one before that
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
               Object started) {
        scheduler = OwnScheduler.start(threads);
        scheduler.scheduleWithFixedDelay(this::runOnce, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        OwnScheduler.stop(scheduler);
    }

    private void runOnce() {
        try {
            // a full run means more are waiting: go on at once
            int numbered;
            while ((numbered = sequencer.run()) == FeedSequencer.RUN_MAX) {
                LOG.log(Level.FINE, "the change feed's sequencer is catching up");
            }
            lockedOut(numbered == FeedSequencer.LOCKED_OUT);
            if (failing) {
                failing = false;
                LOG.info("the change feed's sequencer numbers events again");
            }
        } catch (RuntimeException | Error e) {
            // the database may be away for a while; the next run tries again (anything thrown on would end the
            // schedule without a word). Said once, not every 100 ms
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "the change feed's sequencer cannot number events; it tries again every "
                        + PERIOD_MILLIS + " ms", e);
            }
        }
    }

    // Another instance's runs take the lock for milliseconds, so losing it now and then is normal; never getting
    // it means a session holds it and the feed stands still: said once, with that session, so it can be ended
    private void lockedOut(boolean now) {
        if (!now) {
            if (lockedOutTold) {
                LOG.info("the change feed's sequencer has its lock again");
            }
            lockedOutSince = 0;
            lockedOutTold = false;
        } else if (lockedOutSince == 0) {
            lockedOutSince = System.nanoTime();
        } else if (!lockedOutTold && System.nanoTime() - lockedOutSince > LOCKED_OUT_WARNING_NANOS) {
            lockedOutTold = true;
            LOG.warning("the change feed's sequencer has found its lock taken for "
                    + TimeUnit.NANOSECONDS.toSeconds(LOCKED_OUT_WARNING_NANOS) + " s, so no event is numbered; held by "
                    + Objects.requireNonNullElse(sequencer.lockHolders(), "no session any more"));
        }
    }
}
