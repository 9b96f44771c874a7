package io.concurrencydb.platform.logging;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The turns of one log line that anyone could cause: at most one a minute, so that a client repeating it costs the
 * log a line a minute rather than one per request.
 */
public final class OncePerMinute {

    private static final long EVERY_MILLIS = 60_000;

    private final AtomicLong last = new AtomicLong();

    /** True for one caller at a time, at most once a minute: this line's turn. */
    public boolean due() {
        long now = System.currentTimeMillis();
        long then = last.get();
        return now - then >= EVERY_MILLIS && last.compareAndSet(then, now);
    }
}
