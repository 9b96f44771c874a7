package io.concurrencydb.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/** Failures the JAX-RS runtime raises itself (unknown path 404, 405, 406, 415) as problem details too. */
@Provider
public class HttpFailureMapper extends ProblemMapper<WebApplicationException> {

    @Override
    protected Problem problem(WebApplicationException failure) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        return Problem.http(status, switch (status.getStatusCode()) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here; allowed: " + failure.getResponse().getAllowedMethods();
            case 406 -> "this resource can only answer application/json";
            case 415 -> "send the body as application/json";
            default -> status.getReasonPhrase();
        });
    }

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response problem = super.toResponse(failure);
        Set<String> allowed = failure.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? problem : Response.fromResponse(problem).allow(allowed).build();
    }
}
