package io.concurrencydb.platform.server;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a server lets a filter wait for a request's body. Grizzly (Payara) calls a {@code ReadListener} as bytes
 * arrive, also while the request's own thread still waits in the filter chain; Undertow (WildFly) starts it only
 * once that thread has returned (ServletInputStreamImpl defers setReadListener to an async task), so there the
 * request must leave its thread and come back by an async dispatch. Payara's async dispatch is no alternative
 * for it: the dispatched thread has no authorization context (isUserInRole fails) and no CDI request scope.
 * And Grizzly's HTTP/2 filter cannot read a request offering the h2c upgrade (Java's HttpClient does, by default)
 * without blocking: a ReadListener there ends in a ClassCastException in Http2BaseFilter.handleEvent and a closed
 * connection, so such a request is read blocking.
 */
public final class ReadListeners {

    /** How to wait. */
    public enum Way {
        /** A ReadListener, the request's thread waiting for it. */
        ON_THREAD,
        /** A ReadListener, the request leaving its thread and coming back by an async dispatch. */
        BY_DISPATCH,
        /** Blocking reads on the request's thread, each bounded by the server's read timeout. */
        BLOCKING
    }

    private ReadListeners() {
    }

    public static Way way(HttpServletRequest request) {
        if (request.getClass().getName().startsWith("io.undertow.")) {
            return Way.BY_DISPATCH;
        }
        return request.getHeader("Upgrade") != null ? Way.BLOCKING : Way.ON_THREAD;
    }
}
