package io.concurrencydb.changes.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.changes.entity.ProductEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamsRenderTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T06:00:00Z");

    @Test
    void aPageIsOneBlockOfEventsWithPositionsAsIds() {
        Product pen = new Product(7, "Pen\nblue", null, new BigDecimal("1.50"), 3, 2, AT, AT, "alice", "bob");
        String text = new String(EventStreams.render(new EventPage(List.of(
                new ProductEvent(41, 7, "updated", 2, "bob", AT, pen),
                new ProductEvent(42, 8, "deleted", 5, "bob", AT, null)), 42)), StandardCharsets.UTF_8);

        String[] events = text.split("\n\n", -1);
        assertEquals(3, events.length, text);
        assertEquals("", events[2], "ends with the blank line that dispatches the last event");
        assertTrue(events[0].startsWith("id: 41\nevent: product\ndata: {"), events[0]);
        assertEquals(3, events[0].lines().count(), "one data line: the name's newline is escaped in the JSON");
        assertTrue(events[0].contains("\"name\":\"Pen\\nblue\""), events[0]);
        assertTrue(events[1].startsWith("id: 42\nevent: product\ndata: {") && events[1].contains("\"product\":null"),
                events[1]);
    }

    @Test
    void anEmptyPageIsAComment() {
        assertEquals(": keep-alive\n\n",
                new String(EventStreams.render(new EventPage(List.of(), 9)), StandardCharsets.UTF_8));
    }
}
