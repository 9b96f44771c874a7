package io.concurrencydb.platform.metrics;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Names every resource method's endpoint (its path template) once, at deployment, and gives each request
 * matched to it that name as a property, which RequestMetricsFilter reads. An injected ResourceInfo, asked on
 * every response instead, was a request-scoped proxy lookup: 3 % of a read's request-thread CPU in a profile.
 */
@Provider
public class EndpointNames implements DynamicFeature {

    static final String PROPERTY = EndpointNames.class.getName();

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path member = method.getAnnotation(Path.class);
        context.register(new Naming("/api/" + (type == null ? "" : type.value())
                + (member == null ? "" : "/" + member.value())));
    }

    /** First of the matched request's filters, so that a request another filter answers still has its name. */
    @Priority(0)
    static final class Naming implements ContainerRequestFilter {

        private final String endpoint;

        Naming(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(PROPERTY, endpoint);
        }
    }
}
