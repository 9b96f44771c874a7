package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IdempotencyKeyReusedMapper extends ProblemMapper<IdempotencyKeyReusedException> {

    // Jakarta REST 3.1 has no constant for 422 (RFC 9110 section 15.5.21)
    private static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @Override
    Problem problem(IdempotencyKeyReusedException failure) {
        return Problem.of(UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                failure.getMessage());
    }
}
