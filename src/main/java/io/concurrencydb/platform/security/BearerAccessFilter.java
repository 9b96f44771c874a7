package io.concurrencydb.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Decides, for every request a resource method matched, whether the caller may make it ({@link AccessDecision}),
 * the same way on every server. It runs before the resource, so a refused write never reaches the database.
 *
 * <p>Roles are chosen by HTTP method ({@link AccessPolicy#roleFor}), not by annotations: every write of this API
 * is a POST, PUT, PATCH or DELETE, so no new write endpoint can be forgotten. {@code @RolesAllowed} is not used
 * because the policy is a deployment setting, and because servers answer its refusals differently (WildFly a
 * 403 for an anonymous caller, a 500 from an EJB).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAccessFilter implements ContainerRequestFilter {

    @Inject
    AccessDecision access;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        access.refusal(request.getMethod(), security.getUserPrincipal(), security::isUserInRole)
                .ifPresent(problem -> request.abortWith(problem.toResponse(request)));
    }
}
