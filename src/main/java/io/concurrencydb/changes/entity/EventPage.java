package io.concurrencydb.changes.entity;

import java.util.List;

/** Events in feed order, and the position to ask for the next page after (the last event's, or the one asked). */
public record EventPage(List<ProductEvent> events, long next) {
}
