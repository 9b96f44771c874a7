package io.concurrencydb.platform.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the products table can be queried. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    DatabaseProbe probe;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(probe.answers()).build();
    }
}
