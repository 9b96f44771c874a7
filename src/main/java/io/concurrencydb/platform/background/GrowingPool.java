package io.concurrencydb.platform.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of the application's own threads (from the container's ManagedThreadFactory) that starts a thread for
 * a task only when none is idle, up to {@code max}, queues tasks beyond that, and ends threads idle for a
 * minute: the shape of the server's default ManagedExecutorService, without its price per task. Payara's
 * captures the submitter's context for every task, and looks its context providers up with a ServiceLoader
 * each time (a class-path scan): 4 % of the server's CPU with 100 change-feed streams, one task per stream per
 * page. Context is captured here once per thread, when the factory makes it.
 *
 * <p>ThreadPoolExecutor by itself starts threads past its core size only when its queue refuses a task, so the
 * queue refuses a task while no idle thread is left for it (fewer threads wait on the queue than tasks are in it)
 * and the pool may grow; a task refused at the maximum is queued. A burst of tasks, such as one page for a
 * hundred streams, thus gets a thread each, not a queue behind the one thread that was idle.
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

    private static final class Backlog extends LinkedBlockingQueue<Runnable> {

        private final AtomicInteger idle = new AtomicInteger();
        private volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable task) {
            if (idle.get() > size() || pool.getPoolSize() >= pool.getMaximumPoolSize()) {
                return super.offer(task);
            }
            return false;
        }

        void queue(Runnable task, ThreadPoolExecutor executor) {
            if (executor.isShutdown()) {
                throw new RejectedExecutionException("the application is stopping");
            }
            super.offer(task);
        }

        @Override
        public Runnable take() throws InterruptedException {
            idle.incrementAndGet();
            try {
                return super.take();
            } finally {
                idle.decrementAndGet();
            }
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            idle.incrementAndGet();
            try {
                return super.poll(timeout, unit);
            } finally {
                idle.decrementAndGet();
            }
        }
    }

    private GrowingPool() {
    }
}
