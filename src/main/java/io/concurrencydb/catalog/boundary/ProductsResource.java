package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.boundary.ProductJson.Replacement;
import io.concurrencydb.catalog.control.ProductService;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.problem.Problem;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The products collection and its members. Bodies are read and written by {@link ProductJson}. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
@APIResponse(responseCode = "400", description = "Invalid input: the errors member lists every broken rule",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "The database is unavailable; retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ProductsResource {

    static final int LIMIT_DEFAULT = 100;
    static final int LIMIT_MAX = 1000;

    @EJB
    ProductService products;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(summary = "Create a product", description = "Starts at version 0.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "201", description = "Created; Location names the new product")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(InputStream body) {
        ProductDraft draft = ProductJson.readDraft(JsonBody.readObject(body));
        Product created = products.create(draft);
        return Response.created(uriInfo.getBaseUriBuilder().path("products/{id}").build(created.id()))
                .entity(ProductJson.write(created).toString())
                .build();
    }

    @GET
    @Operation(summary = "List products by id", description = "A page and the total, read in one statement.")
    @APIResponse(responseCode = "200", description = "The page")
    public String list(
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0") @QueryParam("offset") String offset) {
        int pageSize = (int) Parameters.query("limit", limit, LIMIT_DEFAULT, 1, LIMIT_MAX);
        long skip = Parameters.query("offset", offset, 0, 0, Integer.MAX_VALUE);
        return ProductJson.write(products.list(pageSize, skip), pageSize, skip).toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a product")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String read(@PathParam("id") String id) {
        long productId = Parameters.id(id, "product");
        return products.find(productId)
                .map(product -> ProductJson.write(product).toString())
                .orElseThrow(() -> new EntityNotFoundException("product", productId));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a product",
            description = "The body names the version it was read at; the write succeeds only if that is "
                    + "still the stored version, and adds one to it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "Replaced; the version went up by one")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The version is stale; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String replace(@PathParam("id") String id, InputStream body) {
        long productId = Parameters.id(id, "product");
        Replacement replacement = ProductJson.readReplacement(JsonBody.readObject(body));
        return ProductJson.write(products.replace(productId, replacement.version(), replacement.draft()))
                .toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a product")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void delete(@PathParam("id") String id) {
        products.delete(Parameters.id(id, "product"));
    }
}
