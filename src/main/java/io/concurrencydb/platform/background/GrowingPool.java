package io.concurrencydb.platform.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A pool of the application's own threads (from the container's ManagedThreadFactory) that starts a thread for
 * a task only when none is idle, up to {@code max}, queues tasks beyond that, and ends threads idle for a
 * minute: the shape of the server's default ManagedExecutorService, without its price per task. Payara's
 * captures the submitter's context for every task, and looks its context providers up with a ServiceLoader
 * each time (a class-path scan): 4 % of the server's CPU with 100 change-feed streams, one task per stream per
 * page. Context is captured here once per thread, when the factory makes it.
 *
 * <p>ThreadPoolExecutor by itself starts threads past its core size only when its queue refuses a task. This
 * queue takes a task only by handing it to a thread that is waiting for one (LinkedTransferQueue's tryTransfer,
 * one atomic step), or when the pool is at its maximum; otherwise it refuses, and the pool starts a thread. A
 * burst of tasks, such as one page for a hundred streams, thus gets a thread each, never a place in the queue
 * behind a thread that is busy (a stream's send blocks while its client is slow). Counting the idle threads
 * instead left a window: a thread that had just taken a task still counted as idle, and the next task waited
 * behind it (GrowingPoolTest failed so once in CI).
 */
public final class GrowingPool {

    private static final long IDLE_SECONDS = 60;

    /** {@code threads}: the container's ManagedThreadFactory, so that the tasks run in the application's context. */
    public static ExecutorService start(ThreadFactory threads, int max) {
        Backlog backlog = new Backlog();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, max, IDLE_SECONDS, TimeUnit.SECONDS, backlog, threads,
                (task, executor) -> backlog.queue(task, executor));
        backlog.pool = pool;
        return pool;
    }

    private static final class Backlog extends LinkedTransferQueue<Runnable> {

        private volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task) || pool.getPoolSize() >= pool.getMaximumPoolSize() && super.offer(task);
        }

        // a task refused while the pool reached its maximum meanwhile
        void queue(Runnable task, ThreadPoolExecutor executor) {
            if (executor.isShutdown()) {
                throw new RejectedExecutionException("the application is stopping");
            }
            super.offer(task);
        }
    }

    private GrowingPool() {
    }
}
