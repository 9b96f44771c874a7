package io.concurrencydb.orders.boundary;

import io.concurrencydb.orders.control.OrderCounters;
import io.concurrencydb.orders.control.OrderService;
import io.concurrencydb.orders.entity.Order;
import io.concurrencydb.orders.entity.OrderLine;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.json.JsonFields;
import io.concurrencydb.platform.json.Timestamps;
import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.problem.ProblemException;
import io.concurrencydb.platform.security.Callers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Orders over several products, placed in one transaction. */
@ApplicationScoped
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders that take the stock of all their lines in one transaction")
public class OrdersResource {

    static final int MAX_LINES = 1000;

    @EJB
    OrderService orders;

    @Inject
    OrderCounters counters;

    @POST
    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Takes the stock of every line in one transaction, or of none. Lines naming the same "
                    + "product are merged.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "OrderInput")))
    @APIResponse(responseCode = "201", description = "Placed",
            headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Order")))
    @APIResponse(responseCode = "409", ref = "InsufficientStock")
    @APIResponse(responseCode = "422", ref = "UnknownProduct")
    public Response place(@Context UriInfo uriInfo, @Context SecurityContext security, InputStream body) {
        Order order;
        try {
            order = orders.place(OrderLine.merge(readLines(JsonBody.readObject(body))),
                    Callers.id(security.getUserPrincipal()));
        } catch (ProblemException refused) {
            counters.rejected(refused);
            throw refused;
        }
        counters.placed();
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, uriInfo.getBaseUri().resolve("orders/" + order.id()).toString())
                .entity(write(order).toString())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readOrder", summary = "Read an order")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Order")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public String read(@PathParam("id") String id) {
        long orderId = Parameters.id(id, "order");
        return write(orders.find(orderId).orElseThrow(() -> new EntityNotFoundException("order", orderId)))
                .toString();
    }

    /** The lines as sent; {@link OrderLine#merge} makes them the order's. */
    static List<OrderLine> readLines(JsonObject body) {
        JsonFields fields = new JsonFields(body, Set.of("items"));
        List<JsonObject> items = fields.requiredObjects("items", MAX_LINES);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            JsonFields item = fields.nested(items.get(i), Set.of("product_id", "quantity"), "items[" + i + "].");
            Long productId = item.requiredInteger("product_id", 1, Long.MAX_VALUE);
            Long quantity = item.requiredInteger("quantity", 1, Integer.MAX_VALUE);
            if (productId != null && quantity != null) {
                lines.add(new OrderLine(productId, quantity.intValue()));
            }
        }
        fields.validate();
        return lines;
    }

    static JsonObject write(Order order) {
        JsonArrayBuilder items = JsonBuilders.FACTORY.createArrayBuilder();
        order.items().forEach(line -> items.add(JsonBuilders.FACTORY.createObjectBuilder()
                .add("product_id", line.productId())
                .add("quantity", line.quantity())));
        return JsonBuilders.FACTORY.createObjectBuilder()
                .add("id", order.id())
                .add("items", items)
                .add("created_at", Timestamps.text(order.createdAt()))
                .add("created_by", JsonBuilders.nullable(order.createdBy()))
                .build();
    }
}
