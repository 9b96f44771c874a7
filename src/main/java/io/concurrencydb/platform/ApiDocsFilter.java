package io.concurrencydb.platform;

import io.concurrencydb.changes.boundary.ChangeFeedDocs;
import io.concurrencydb.platform.security.AccessPolicy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Finishes the OpenAPI document (mp.openapi.filter) so that it says what this deployment does:
 * <ul>
 * <li>each operation's security and its 401 and 403 answers (components in META-INF/openapi.yaml) follow
 * {@link AccessPolicy}, a deployment setting that an annotation cannot follow: an operation that needs a role
 * names the bearer scheme, a public one says {@code security: [{}]}; every operation can answer 401, because a
 * token that is sent is always verified;</li>
 * <li>the change feed's GET is {@link ChangeFeedDocs}'s, not the scanner's;</li>
 * <li>Payara's own top-level member {@code endpoints}, which is not OpenAPI and which client generators refuse,
 * is emptied (Payara then leaves it out).</li>
 * </ul>
 */
public class ApiDocsFilter implements OASFilter {

    private final AccessPolicy policy = new AccessPolicy();

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().forEach((method, operation) -> secure(operation, policy.roleFor(method.name())));
        return pathItem;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // filterPathItem has run on the scanner's operation; this one replaces it and is secured the same way
        Operation feed = ChangeFeedDocs.operation();
        secure(feed, policy.roleFor("GET"));
        PathItem item = openAPI.getPaths().getPathItem(ChangeFeedDocs.PATH);
        if (item == null) {
            openAPI.getPaths().addPathItem(ChangeFeedDocs.PATH, OASFactory.createPathItem().GET(feed));
        } else {
            item.setGET(feed);
        }
        try {
            Method setEndpoints = openAPI.getClass().getMethod("setEndpoints", Map.class);
            setEndpoints.invoke(openAPI, new LinkedHashMap<>());
        } catch (NoSuchMethodException e) {
            // not Payara's model: nothing to remove
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not remove Payara's endpoints member", e);
        }
    }

    private static void secure(Operation operation, Optional<String> role) {
        // A public operation's requirement is the empty one, {}: "no credentials needed" (an empty list would say
        // the same, but Payara leaves empty lists out of the document).
        SecurityRequirement requirement = OASFactory.createSecurityRequirement();
        role.ifPresent(r -> requirement.addScheme(ApiDocs.BEARER));
        operation.setSecurity(new ArrayList<>(List.of(requirement)));
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(ApiDocs.UNAUTHORIZED));
        role.ifPresent(r -> responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(ApiDocs.FORBIDDEN)));
    }
}
