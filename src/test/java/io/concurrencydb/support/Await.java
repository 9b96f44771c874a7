package io.concurrencydb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Waits for a condition instead of a clock: polls it until it holds or the limit passes. */
public final class Await {

    /** A condition to poll; an I/O failure while asking (nothing listening yet) counts as "not yet". */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Fails with {@code what} unless {@code condition} holds within {@code limit}, asked every {@code every}. */
    public static void until(String what, Duration limit, Duration every, Condition condition) throws InterruptedException {
        if (!within(limit, every, condition)) {
            throw new AssertionError(what + " did not happen within " + limit);
        }
    }

    /** Whether {@code condition} held within {@code limit}, asked every {@code every}. */
    public static boolean within(Duration limit, Duration every, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // asked again below
            } catch (InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
    }
}
