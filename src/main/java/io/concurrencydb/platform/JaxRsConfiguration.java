package io.concurrencydb.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Serves the API under /api, leaving /health, /metrics and /openapi at the root to the server. The schemas the
 * operations refer to are in META-INF/openapi.yaml, merged with these annotations by MicroProfile OpenAPI.
 *
 * <p>{@code @LoginConfig} turns on the server's MicroProfile JWT for bearer tokens; Payara only sees it on a CDI
 * bean, hence {@code @ApplicationScoped}. Who may do what is platform.security.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An RS256 JSON Web Token from the identity provider the server trusts. "
        + "Its groups claim grants the roles: writer for every write, reader for reads when reads are protected.")
// Every member set: SmallRye (WildFly) writes an unset externalDocs or contact as an empty object, which
// OpenAPI forbids.
@OpenAPIDefinition(
        externalDocs = @ExternalDocumentation(description = "The same document, rendered by ReDoc", url = "/redoc"),
        info = @Info(
                title = "Products",
                version = "1.0",
                description = "A products catalogue that stays correct when many clients write the same rows "
                        + "at once: optimistic locking with versions and ETags, conditional requests, "
                        + "idempotent creates, RFC 9457 problem details.",
                contact = @Contact(name = "Concurrency Database Handling for Jakarta EE"),
                license = @License(name = "GPL-3.0-only", url = "https://www.gnu.org/licenses/gpl-3.0.html")))
public class JaxRsConfiguration extends Application {
}
