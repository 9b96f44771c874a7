package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns one kind of failure into its problem details; each kind has its own small subclass. */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    protected abstract Problem problem(E failure);

    @Override
    public Response toResponse(E failure) {
        return problem(failure).toResponse(RequestPath.of(uriInfo));
    }
}
