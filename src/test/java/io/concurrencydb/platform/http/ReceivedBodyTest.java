package io.concurrencydb.platform.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedBodyTest {

    /** A request the wrapper may delegate to; none of these tests reach it. */
    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
            ReceivedBodyTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void theBodyIsReadOnceHoweverOftenTheStreamIsAskedFor() throws IOException {
        byte[] body = "{\"name\": \"A\"}".getBytes(StandardCharsets.UTF_8);
        HttpServletRequest wrapped = new ReceivedBody(body, false).wrap(REQUEST);
        assertSame(wrapped.getInputStream(), wrapped.getInputStream());
        assertArrayEquals(body, wrapped.getInputStream().readAllBytes());
        assertTrue(wrapped.getInputStream().isFinished());
        assertArrayEquals(new byte[0], wrapped.getInputStream().readAllBytes());
    }

    @Test
    void aBodyThatNeverArrivedFailsWhenRead() {
        ReceivedBody failed = ReceivedBody.of(null, true);
        assertFalse(failed.refused());
        assertThrows(IOException.class, () -> failed.wrap(REQUEST).getInputStream().readAllBytes());
    }

    @Test
    void aBodyNotWaitedForThatDidNotComeIsRefused() {
        assertTrue(ReceivedBody.of(null, false).refused());
        assertFalse(ReceivedBody.of(new byte[] {'{', '}'}, false).refused());
    }
}
