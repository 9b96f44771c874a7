package io.concurrencydb.platform.security;

import io.concurrencydb.platform.problem.Problem;
import jakarta.ws.rs.core.Response;

/** The 401 for a bearer token that was sent but cannot be trusted (RFC 6750 section 3.1, invalid_token). */
public final class InvalidToken {

    public static final String CHALLENGE = "Bearer realm=\"" + AccessDecision.REALM + "\", error=\"invalid_token\"";
    public static final String REFUSED = "the bearer token was refused: it is malformed, expired or not yet valid, for "
            + "another issuer or audience, or not signed by a key this service trusts";

    private InvalidToken() {
    }

    public static Problem problem(String detail) {
        return Problem.of(Response.Status.UNAUTHORIZED, "invalid-token", "Invalid token", detail)
                .challenge(CHALLENGE);
    }
}
