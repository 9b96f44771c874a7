package io.concurrencydb.stock.boundary;

import io.concurrencydb.catalog.boundary.ProductJson;
import io.concurrencydb.platform.ApiDocs;
import io.concurrencydb.platform.http.EntityTags;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.json.JsonFields;
import io.concurrencydb.platform.problem.InvalidInputException;
import io.concurrencydb.platform.security.Callers;
import io.concurrencydb.stock.control.StockAdjustments;
import io.concurrencydb.stock.entity.Adjusted;
import io.concurrencydb.stock.entity.Strategy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Adds to or takes from a product's stock by the strategy the client names. */
@ApplicationScoped
@Path("products/{id}/stock-adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Stock adjustments by four concurrency strategies")
public class StockAdjustmentsResource {

    /** How many transactions the adjustment took: more than one when a strategy retried. */
    public static final String ATTEMPTS = "Stock-Adjustment-Attempts";

    private static final Set<String> MEMBERS = Set.of("delta", "strategy");
    private static final String STRATEGIES = Arrays.stream(Strategy.values()).map(Strategy::wireName)
            .collect(Collectors.joining(", "));

    @EJB
    StockAdjustments adjustments;

    @POST
    @Operation(operationId = "adjustStock", summary = "Adjust a product's stock",
            description = "delta: a non-zero whole number; strategy: atomic (default), optimistic, pessimistic or "
                    + "serializable. No strategy loses an adjustment or oversells.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "StockAdjustment")))
    @APIResponse(responseCode = "200", description = "Adjusted; the version went up by one",
            headers = {@Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = ATTEMPTS, ref = ATTEMPTS)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PRODUCT_SCHEMA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InsufficientStock")
    @APIResponse(responseCode = "422", ref = "StockOutOfRange")
    @APIResponse(responseCode = "503", ref = "Contention")
    public Response adjust(@PathParam("id") String id, @Context SecurityContext security, InputStream body) {
        long productId = Parameters.id(id, "product");
        JsonObject request = JsonBody.readObject(body);
        JsonFields fields = new JsonFields(request, MEMBERS);
        Long delta = fields.requiredInteger("delta", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String strategyName = fields.optionalText("strategy");
        fields.validate();
        if (delta == 0) {
            throw new InvalidInputException("delta", "must not be 0");
        }
        Strategy strategy = strategyName == null ? Strategy.ATOMIC : Strategy.fromWireName(strategyName)
                .orElseThrow(() -> new InvalidInputException("strategy", "must be one of " + STRATEGIES));

        Adjusted adjusted = adjustments.adjust(productId, delta.intValue(), strategy,
                Callers.id(security.getUserPrincipal()));
        return Response.ok(ProductJson.text(adjusted.product()))
                .header(HttpHeaders.ETAG, EntityTags.header(adjusted.product().version()))
                .header(ATTEMPTS, Integer.toString(adjusted.attempts()))
                .build();
    }
}
