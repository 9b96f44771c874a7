package io.concurrencydb.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.problem.MalformedBodyException;
import io.concurrencydb.platform.problem.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @Test
    void readsOneObject() {
        assertEquals(1, JsonBody.readObject(stream("{\"a\": 1}".getBytes())).getInt("a"));
    }

    @Test
    void stopsReadingAfterTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };

        assertThrows(PayloadTooLargeException.class, () -> JsonBody.readObject(endless));
    }

    @Test
    void rejectsWhatIsNotOneObjectInUtf8() {
        for (byte[] body : new byte[][] {"".getBytes(), "[1]".getBytes(), "{} []".getBytes(), "{\"a\":".getBytes(),
                "{\"a\": 1, \"a\": 2}".getBytes(), "{\"a\": {\"b\": 1, \"b\": 1}}".getBytes(),
                {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}}) {
            assertThrows(MalformedBodyException.class, () -> JsonBody.readObject(stream(body)), new String(body));
        }
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
