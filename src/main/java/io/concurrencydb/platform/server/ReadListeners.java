package io.concurrencydb.platform.server;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a server runs a request's {@code ReadListener}, for a filter that waits for a body. Grizzly (Payara) calls
 * it as bytes arrive, also while the request's own thread still waits in the filter chain; Undertow (WildFly)
 * starts it only once that thread has returned (ServletInputStreamImpl defers setReadListener to an async task),
 * so there the request must leave its thread and come back by an async dispatch. Payara's async dispatch is no
 * alternative for it: the dispatched thread has no authorization context (isUserInRole fails) and no CDI request
 * scope.
 */
public final class ReadListeners {

    private ReadListeners() {
    }

    /** True when the request's thread may wait for its listener; false when it must return first. */
    public static boolean runWhileThreadWaits(HttpServletRequest request) {
        return !request.getClass().getName().startsWith("io.undertow.");
    }
}
