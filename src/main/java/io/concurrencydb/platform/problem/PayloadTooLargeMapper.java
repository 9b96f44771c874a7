package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PayloadTooLargeMapper extends ProblemMapper<PayloadTooLargeException> {

    @Override
    protected Problem problem(PayloadTooLargeException failure) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request body too large",
                failure.getMessage());
    }
}
