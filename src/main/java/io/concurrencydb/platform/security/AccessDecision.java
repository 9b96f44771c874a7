package io.concurrencydb.platform.security;

import io.concurrencydb.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether a caller may make a request, and if not, the problem to answer with: no token where one is needed →
 * 401 with {@code WWW-Authenticate: Bearer}; a token not valid yet → 401 invalid-token; a token without the
 * role → 403. The server's MicroProfile JWT has already verified any token (signature, issuer, audience,
 * expiry). Asked by {@link BearerAccessFilter} for every resource method, and by the change feed's stream, which
 * is answered outside Jakarta REST.
 */
@ApplicationScoped
public class AccessDecision {

    static final String REALM = "products";

    @Inject
    AccessPolicy policy;

    /** The refusal for a request with this method by this caller, or empty when it may go on. */
    public Optional<Problem> refusal(String method, Principal caller, Predicate<String> hasRole) {
        Optional<String> role = policy.roleFor(method);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        if (!(caller instanceof JsonWebToken token)) {
            return Optional.of(Problem.of(Response.Status.UNAUTHORIZED, "authentication-required",
                            "Authentication required",
                            "this request needs a bearer token with the role " + role.get()
                                    + ": Authorization: Bearer <token>")
                    .challenge("Bearer realm=\"" + REALM + "\""));
        }
        if (notYetValid(token)) {
            return Optional.of(InvalidToken.problem("the token is not valid yet (nbf)"));
        }
        if (!hasRole.test(role.get())) {
            return Optional.of(Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                            "this request needs the role " + role.get() + ", which the token does not grant")
                    .with("required_role", role.get())
                    .challenge("Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\""));
        }
        return Optional.empty();
    }

    /**
     * RFC 7519 section 4.1.5: a token must not be accepted before its "nbf". WildFly's verifier checks it; Payara's
     * does not, so it is checked here on every server, with the same clock skew the server allows for "exp".
     */
    private boolean notYetValid(JsonWebToken token) {
        Object nbf = token.getClaim(Claims.nbf.name());
        Long notBefore = nbf instanceof JsonNumber number ? Long.valueOf(number.longValue())
                : nbf instanceof Number number ? Long.valueOf(number.longValue()) : null;
        return notBefore != null
                && System.currentTimeMillis() / 1000 + policy.clockSkewSeconds() < notBefore;
    }
}
