package io.concurrencydb.stock.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a stock adjustment keeps concurrent writers from losing updates or overselling. */
public enum Strategy {

    /** One conditional UPDATE that adds the delta where the result stays in range. */
    ATOMIC,
    /** Read, then an UPDATE that checks the version read; the transaction is retried on conflict. */
    OPTIMISTIC,
    /** SELECT ... FOR UPDATE under a lock timeout, then UPDATE. */
    PESSIMISTIC,
    /** Read and write at SERIALIZABLE isolation; the transaction is retried on serialization failure. */
    SERIALIZABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Strategy> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
