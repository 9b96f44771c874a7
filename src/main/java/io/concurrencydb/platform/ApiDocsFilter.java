package io.concurrencydb.platform;

import io.concurrencydb.changes.boundary.ChangeFeedDocs;
import io.concurrencydb.platform.security.AccessPolicy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Finishes the OpenAPI document (mp.openapi.filter) so that it says what this deployment does:
 * <ul>
 * <li>each operation's security and its 401 and 403 answers (components in META-INF/openapi.yaml) follow
 * {@link AccessPolicy}, a deployment setting that an annotation cannot follow: an operation that needs a role
 * names the bearer scheme, a public one says {@code security: [{}]}; every operation can answer 401, because a
 * token that is sent is always verified;</li>
 * <li>the answers any operation can give, where it declares none of its own for the status: 400, 406 and 503,
 * and 408, 413 and 415 where it reads a body (written once here: Payara 7 applied a resource class's
 * {@code @APIResponse} to some of its operations and not to others);</li>
 * <li>the change feed's GET is {@link ChangeFeedDocs}'s, not the scanner's;</li>
 * <li>Payara's own top-level member {@code endpoints}, which is not OpenAPI and which client generators refuse,
 * is emptied (Payara then leaves it out);</li>
 * <li>a schema marked {@code x-nullable} in META-INF/openapi.yaml may be null, said the way the document's version
 * says it: a {@code null} type in OpenAPI 3.1 (MicroProfile OpenAPI 4: Payara 7, WildFly), {@code nullable: true}
 * beside a type in 3.0 (MicroProfile OpenAPI 3: Payara Server 6). No one spelling is valid in both, and the
 * model's type methods differ between the two API generations, so the 3.1 ones are found by reflection.</li>
 * </ul>
 */
public class ApiDocsFilter implements OASFilter {

    private static final String NULLABLE = "x-nullable";
    /** MicroProfile OpenAPI 4's Schema.addType(SchemaType), or null on 3, which has no such method. */
    private static final Method ADD_TYPE = addType();

    // by status, so that the document reads the same at every start
    private static final Map<String, String> COMMON_ANSWERS =
            new TreeMap<>(Map.of("400", "BadRequest", "406", "NotAcceptable", "503", "DatabaseUnavailable"));
    private static final Map<String, String> BODY_ANSWERS =
            new TreeMap<>(Map.of("408", "RequestTimeout", "413", "PayloadTooLarge", "415", "UnsupportedMediaType"));

    private final AccessPolicy policy = new AccessPolicy();

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Object> extensions = schema.getExtensions();
        if (extensions != null && extensions.containsKey(NULLABLE)) {
            schema.removeExtension(NULLABLE);
            allowNull(schema);
        }
        return schema;
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().forEach((method, operation) -> {
            secure(operation, policy.roleFor(method.name()));
            sortParameters(operation);
        });
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

    private static void allowNull(Schema schema) {
        boolean reference = schema.getAllOf() != null && !schema.getAllOf().isEmpty();
        if (ADD_TYPE == null) {
            schema.setNullable(true);
            if (reference) {
                schema.setType(Schema.SchemaType.OBJECT); // nullable means nothing without a type beside it
            }
            return;
        }
        try {
            if (reference) { // the referenced schema, or null
                Schema nothing = OASFactory.createSchema();
                ADD_TYPE.invoke(nothing, Schema.SchemaType.valueOf("NULL"));
                List<Schema> either = new ArrayList<>(schema.getAllOf());
                either.add(nothing);
                schema.setAllOf(null);
                schema.setAnyOf(either);
            } else {
                ADD_TYPE.invoke(schema, Schema.SchemaType.valueOf("NULL"));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not mark a schema nullable", e);
        }
    }

    private static Method addType() {
        try {
            return Schema.class.getMethod("addType", Schema.SchemaType.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Parameters by name: WildFly's scanner orders them so and Payara's in declaration order, and clients generated
     * with positional arguments (OpenAPI Generator's java client) must get the same signature from every server.
     */
    private static void sortParameters(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().size() > 1) {
            List<Parameter> sorted = new ArrayList<>(operation.getParameters());
            sorted.sort(Comparator.comparing(p -> p.getName() != null ? p.getName() : String.valueOf(p.getRef())));
            operation.setParameters(sorted);
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
        Map<String, String> common = new TreeMap<>(COMMON_ANSWERS);
        if (operation.getRequestBody() != null) {
            common.putAll(BODY_ANSWERS);
        }
        common.forEach((status, component) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
            }
        });
    }
}
