package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.UriInfo;

/** The "instance" of a problem: the path the client asked for, without the query. */
final class RequestPath {

    private RequestPath() {
    }

    static String of(UriInfo uriInfo) {
        return uriInfo.getRequestUri().getRawPath();
    }
}
