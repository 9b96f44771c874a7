package io.concurrencydb.platform.security;

import io.concurrencydb.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides, for every request a resource method matched, whether the caller may make it. The server's MicroProfile
 * JWT has already verified any bearer token (signature, issuer, audience, expiry) and refused a bad one with 401;
 * this filter answers the rest the same way on every server: no token where one is needed → 401 with
 * {@code WWW-Authenticate: Bearer}; a token without the role → 403. It runs before the resource, so a refused
 * write never reaches the database.
 *
 * <p>Roles are chosen by HTTP method ({@link AccessPolicy#roleFor}), not by annotations: every write of this API
 * is a POST, PUT, PATCH or DELETE, so no new write endpoint can be forgotten. {@code @RolesAllowed} is not used
 * because the policy is a deployment setting, and because servers answer its refusals differently (WildFly a
 * 403 for an anonymous caller, a 500 from an EJB).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAccessFilter implements ContainerRequestFilter {

    static final String REALM = "products";

    @Inject
    AccessPolicy policy;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> role = policy.roleFor(request.getMethod());
        if (role.isEmpty()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        Principal caller = security.getUserPrincipal();
        if (!(caller instanceof JsonWebToken token)) {
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "authentication-required",
                            "Authentication required",
                            "this request needs a bearer token with the role " + role.get()
                                    + ": Authorization: Bearer <token>")
                    .challenge("Bearer realm=\"" + REALM + "\"")
                    .toResponse(request));
            return;
        }
        if (notYetValid(token)) {
            request.abortWith(InvalidToken.problem("the token is not valid yet (nbf)").toResponse(request));
            return;
        }
        if (!security.isUserInRole(role.get())) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                            "this request needs the role " + role.get() + ", which the token does not grant")
                    .with("required_role", role.get())
                    .challenge("Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"")
                    .toResponse(request));
        }
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
