package io.concurrencydb.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns a failure into its problem details: the service's own kinds, the HTTP layer's, and the unexpected. */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    protected abstract Problem problem(E failure);

    @Override
    public Response toResponse(E failure) {
        Problem problem = problem(failure);
        request.setAttribute(Problem.ANSWERED, problem.type());
        return problem.toResponse(uriInfo.getRequestUri().getRawPath());
    }
}
