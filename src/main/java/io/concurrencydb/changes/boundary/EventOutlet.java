package io.concurrencydb.changes.boundary;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One client's open response of Server-Sent Events, written by the WAR itself: the request is put in async
 * mode, so it holds no thread between writes, and each write is whatever the caller has batched (a whole page
 * of events is one write and one flush, where Jakarta REST's SseEventSink writes and flushes every event).
 * Writes block the calling thread until the socket takes them, as the servlet output stream does without a
 * WriteListener.
 */
final class EventOutlet {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile boolean closed;

    private EventOutlet(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Starts the stream's response: 200 and the headers, not yet sent. */
    static EventOutlet open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(StreamNegotiation.STREAM);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // a proxy such as nginx must not hold events back to fill its buffer
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        EventOutlet outlet = new EventOutlet(async, response.getOutputStream());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                outlet.closed = true;
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                outlet.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                outlet.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        return outlet;
    }

    /** Writes and flushes {@code bytes}; an IOException means the client is gone or too slow. */
    void write(byte[] bytes) throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        out.write(bytes);
        out.flush();
    }

    boolean isClosed() {
        return closed;
    }

    /** Ends the response; the client resumes with Last-Event-ID. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // already completed by the container (the client went away)
        }
    }
}
