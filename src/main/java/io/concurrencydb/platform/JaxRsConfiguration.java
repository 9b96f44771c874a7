package io.concurrencydb.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * Serves the API under /api, leaving /health, /metrics and /openapi at the root to the server. The schemas the
 * operations refer to are in META-INF/openapi.yaml, merged with these annotations by MicroProfile OpenAPI.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(
                title = "Products",
                version = "1.0",
                description = "A products catalogue that stays correct when many clients write the same rows "
                        + "at once: optimistic locking with versions and ETags, conditional requests, "
                        + "idempotent creates, RFC 9457 problem details.",
                license = @License(name = "GPL-3.0-only")))
public class JaxRsConfiguration extends Application {
}
