package io.concurrencydb.changes.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamNegotiationTest {

    @ParameterizedTest(name = "Accept: {0} -> stream {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none | false",
            "*/* | false",
            "application/json | false",
            "text/event-stream | true",
            "TEXT/Event-Stream | true",
            "text/* | true",
            "text/event-stream, application/json | false",
            "text/event-stream, */* | false",
            "text/event-stream, application/json;q=0.5 | true",
            "text/event-stream;q=0.4, application/json;q=0.5 | false",
            "application/json;q=0, text/event-stream;q=0.1 | true",
            "text/event-stream;q=0 | false",
            "text/event-stream;q=x | false",
            "text/event-stream;charset=utf-8 | true",
            "text/html, */*;q=0.8 | false",
    })
    void choosesAsJakartaRestWould(String accept, boolean stream) {
        assertEquals(stream, StreamNegotiation.wantsStream(accept));
    }

    @Test
    void theMostSpecificRangeGivesTheQuality() {
        assertEquals(0.2, StreamNegotiation.quality("*/*;q=0.9, text/*;q=0.5, text/event-stream;q=0.2", "text/event-stream"));
        assertEquals(0.5, StreamNegotiation.quality("*/*;q=0.9, text/*;q=0.5", "text/event-stream"));
        assertEquals(0.9, StreamNegotiation.quality("*/*;q=0.9, text/*;q=0.5", "application/json"));
    }
}
