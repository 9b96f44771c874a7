package io.concurrencydb.platform.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request body taken in by {@link BodyIntakeFilter}: its bytes, or, when it never arrived whole, none; refused
 * when it was not waited for and did not come at once.
 */
record ReceivedBody(byte[] bytes, boolean refused) {

    static ReceivedBody of(byte[] bytes, boolean waitedFor) {
        return new ReceivedBody(bytes, bytes == null && !waitedFor);
    }

    /** A body whose reading failed with the connection open: answered as one that did not arrive. */
    static ReceivedBody unread() {
        return new ReceivedBody(null, false);
    }

    /** The request as the rest of the chain sees it: its body read from memory, or failing when read. */
    HttpServletRequest wrap(HttpServletRequest request) {
        // one stream for the request: Jersey on Payara 6 asks for it again for every read
        ServletInputStream stream = bytes == null ? new Failed() : new InMemory(bytes);
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return stream;
            }

            @Override
            public BufferedReader getReader() {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        };
    }

    private static final class InMemory extends ServletInputStream {

        private final ByteArrayInputStream in;

        InMemory(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body is already in memory");
        }
    }

    private static final class Failed extends ServletInputStream {

        @Override
        public int read() throws IOException {
            throw new IOException("the request body did not arrive whole within the time limit");
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body never arrived");
        }
    }
}
