package io.concurrencydb.platform.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
    void boundsTheNesting() {
        String deep = "{\"a\":".repeat(8) + "1" + "}".repeat(8);
        assertEquals(1, JsonBody.parseObject(deep.getBytes()).size());
        String deeper = "{\"a\":".repeat(JsonBody.MAX_DEPTH + 1) + "1" + "}".repeat(JsonBody.MAX_DEPTH + 1);
        assertThrows(MalformedBodyException.class, () -> JsonBody.parseObject(deeper.getBytes()));
        // parsed on a thread with a small stack, as the server's: refused by the bound, not by the stack
        byte[] arrays = "[".repeat(100_000).getBytes();
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                JsonBody.parseObject(arrays);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small stack", 256 * 1024);
        small.start();
        assertDoesNotThrow(() -> small.join());
        assertEquals(MalformedBodyException.class, thrown[0].getClass());
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
