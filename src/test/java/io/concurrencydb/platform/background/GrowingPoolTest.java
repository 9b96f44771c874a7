package io.concurrencydb.platform.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrowingPoolTest {

    @Test
    @DisplayName("a thread is started only while none is idle, up to the maximum; tasks beyond it wait and all run")
    void growsOnlyWhenNeeded() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) GrowingPool.start(Executors.defaultThreadFactory(), 4);
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            Runnable blocked = () -> {
                awaitQuietly(release);
                ran.incrementAndGet();
            };
            for (int i = 0; i < 3; i++) {
                pool.execute(blocked);
            }
            assertEquals(3, pool.getPoolSize(), "a thread for each task while none is idle");
            for (int i = 0; i < 7; i++) {
                pool.execute(blocked);
            }
            assertEquals(4, pool.getPoolSize(), "no more than the maximum");
            assertEquals(6, pool.getQueue().size(), "the rest queued, none refused");
            release.countDown();
            awaitIdle(pool, 10);
            assertEquals(10, ran.get());

            for (int i = 0; i < 20; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(done::countDown);
                assertTrue(done.await(5, TimeUnit.SECONDS));
                // the task's thread waits for the next one after it counts down
                awaitWaiting(pool, 4);
            }
            assertEquals(4, pool.getPoolSize(), "one task at a time reuses the idle threads");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a burst of tasks while one thread is idle gets a thread each, not a queue behind that thread")
    void aBurstGetsThreads() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) GrowingPool.start(Executors.defaultThreadFactory(), 8);
        try {
            CountDownLatch first = new CountDownLatch(1);
            pool.execute(first::countDown);
            assertTrue(first.await(5, TimeUnit.SECONDS));
            awaitWaiting(pool, 1);
            CountDownLatch running = new CountDownLatch(5);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 5; i++) {
                pool.execute(() -> {
                    running.countDown();
                    awaitQuietly(release);
                });
            }
            // a stream's send blocks while its client is slow: the others must not wait behind it
            assertTrue(running.await(5, TimeUnit.SECONDS), "all five ran at once; waiting: " + pool.getQueue().size());
            release.countDown();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitWaiting(ThreadPoolExecutor pool, int threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (((LinkedTransferQueue<Runnable>) pool.getQueue()).getWaitingConsumerCount() < threads) {
            assertTrue(System.nanoTime() < deadline, threads + " threads to wait for a task");
            Thread.sleep(5);
        }
    }

    private static void awaitIdle(ThreadPoolExecutor pool, long completed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getCompletedTaskCount() < completed || pool.getActiveCount() > 0) {
            assertTrue(System.nanoTime() < deadline, "the pool to finish its tasks");
            Thread.sleep(5);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
