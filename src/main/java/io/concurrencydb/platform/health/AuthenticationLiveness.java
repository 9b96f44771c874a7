package io.concurrencydb.platform.health;

import io.concurrencydb.platform.security.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Shows in /health which requests need a token, so that a deployment running with authentication off is visible
 * to whoever watches it, not only in the boot log. Always UP: the setting is a choice, not a failure.
 */
@Liveness
@ApplicationScoped
public class AuthenticationLiveness implements HealthCheck {

    @Inject
    AccessPolicy policy;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("authentication").up().withData("required", policy.name());
        if (!policy.enabled()) {
            response.withData("warning", "authentication is off: anyone who reaches the port can write");
        }
        return response.build();
    }
}
