package io.concurrencydb.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesWhatTheIsoFormatterWrites() {
        List<String> cases = List.of("2026-12-04T22:28:55.720207Z", "2026-12-04T22:28:00Z", "2026-01-01T00:00:00.1Z",
                "2026-02-03T04:05:06.000000001Z", "2026-02-03T04:05:06.120Z", "0000-01-01T00:00:00Z",
                "0999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z",
                "-0001-06-15T12:00:00Z", "2026-12-04T23:28:55.720207+01:00", "2026-12-04T22:28:55-05:30");
        for (String text : cases) {
            OffsetDateTime time = OffsetDateTime.parse(text);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), Timestamps.text(time), text);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            // any second of years 0 to 9999, with microseconds (PostgreSQL's precision) or any nanosecond
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nano = i % 2 == 0 ? random.nextInt(1_000_000) * 1000 : random.nextInt(1_000_000_000);
            OffsetDateTime time = Instant.ofEpochSecond(second, i % 10 == 0 ? 0 : nano).atOffset(ZoneOffset.UTC);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), Timestamps.text(time));
        }
    }
}
