package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.boundary.ProductJson.Patch;
import io.concurrencydb.catalog.boundary.ProductJson.Replacement;
import io.concurrencydb.catalog.control.CatalogCounters;
import io.concurrencydb.catalog.control.ProductService.Creation;
import io.concurrencydb.catalog.control.ProductService;
import io.concurrencydb.catalog.entity.ExpectedVersion;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.platform.ApiDocs;
import io.concurrencydb.platform.http.EntityTags;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.idempotency.IdempotencyKey;
import io.concurrencydb.platform.idempotency.StoredResponse;
import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.security.Callers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The products collection and its members. Bodies are read and written by {@link ProductJson}; every
 * single-product response carries the version as a strong ETag.
 */
@ApplicationScoped
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The catalogue: create, read, list, replace, patch and delete, "
        + "with versions, ETags and idempotent creates")
public class ProductsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    @EJB
    ProductService products;

    @Inject
    CatalogCounters counters;

    @POST
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "Starts at version 0. With an Idempotency-Key, a retry with the same key and body "
                    + "returns the first response instead of creating another product.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ApiDocs.PRODUCT_INPUT_SCHEMA)))
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first "
            + "response again, marked Idempotent-Replayed: true)",
            headers = {
                    @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = ApiDocs.REPLAYED, ref = ApiDocs.REPLAYED)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PRODUCT_SCHEMA)))
    @APIResponse(responseCode = "409", ref = "IdempotencyInFlight")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER,
                    description = "1 to 255 printable ASCII characters; remembered for 24 hours")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context UriInfo uriInfo,
            @Context SecurityContext security,
            InputStream body) {
        byte[] bytes = JsonBody.read(body);
        ProductDraft draft = ProductJson.readDraft(JsonBody.parseObject(bytes));
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey, bytes);
        String caller = Callers.id(security.getUserPrincipal());
        if (key == null) {
            return created(products.create(draft, caller), uriInfo);
        }
        Creation creation = products.createOnce(key, draft, caller, product -> stored(product, uriInfo));
        StoredResponse response = creation.response();
        if (creation.replayed()) {
            counters.replayed();
        }
        return Response.status(response.status())
                .header(HttpHeaders.LOCATION, uriInfo.getBaseUri().resolve(response.location()).toString())
                .header(HttpHeaders.ETAG, response.etag())
                .header(ApiDocs.REPLAYED, Boolean.toString(creation.replayed()))
                .entity(response.body())
                .build();
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products",
            description = "A page in the order sort names (id by default; ties by id), filtered, with the total "
                    + "of the whole catalogue, read in one statement. Walk on with the cursor in next (also the "
                    + "Link header's rel=next): a page costs the same at any depth, and a walk by cursor never "
                    + "skips or repeats a product that exists throughout, however others write. offset is kept "
                    + "for the original's clients, up to " + ProductQuery.OFFSET_MAX + ". A filtered list that "
                    + "takes the database longer than DB_SEARCH_TIMEOUT_MS (1 s) is cancelled: 503 "
                    + "list-too-costly.")
    @APIResponse(responseCode = "200", description = "The page",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PAGE_SCHEMA)))
    public Response list(
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "0 to " + ProductQuery.OFFSET_MAX + ", default 0; not with after")
            @QueryParam("offset") String offset,
            @Parameter(description = "The next cursor of the previous page: this page starts after it")
            @QueryParam("after") String after,
            @Parameter(description = "id, name, price or updated_at; a leading - sorts descending")
            @QueryParam("sort") String sort,
            @Parameter(description = "Products whose name contains this, ignoring case; at least 3 characters")
            @QueryParam("name") String name,
            @Parameter(description = "Products priced at least this") @QueryParam("min_price") String minPrice,
            @Parameter(description = "Products priced at most this") @QueryParam("max_price") String maxPrice,
            @Parameter(description = "true: only products in stock; false: only those out of stock")
            @QueryParam("in_stock") String inStock,
            @Parameter(description = "false: no total (null), which the client does not pay for; a filtered page "
                    + "has none either") @QueryParam("total") String total,
            @Context UriInfo uriInfo) {
        ProductQuery query = ProductQueries.read(limit, offset, after, sort,
                ProductQueries.filter(name, minPrice, maxPrice, inStock), total);
        ProductPage page = products.list(query);
        Response.ResponseBuilder response = Response.ok(ProductJson.text(page, query));
        if (page.next() != null) {
            response.header("Link", "<" + ProductQueries.nextPage(uriInfo, page.next()) + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readProduct", summary = "Read a product")
    @APIResponse(responseCode = "200", description = "The product",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PRODUCT_SCHEMA)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current version; no body",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response read(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH,
                    description = "ETags the client holds, or *")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        long productId = Parameters.id(id, "product");
        Product product = products.find(productId)
                .orElseThrow(() -> new EntityNotFoundException("product", productId));
        if (EntityTags.noneMatchFails(ifNoneMatch, product.version())) {
            return Response.notModified().header(HttpHeaders.ETAG, EntityTags.header(product.version())).build();
        }
        return ok(product);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceProduct", summary = "Replace a product",
            description = "Conditional: send If-Match with the ETag you read, or the version you read in the "
                    + "body. The check and the write are one statement; the version goes up by one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ApiDocs.PRODUCT_INPUT_SCHEMA)))
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PRODUCT_SCHEMA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "VersionConflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replace(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH,
                    description = "The ETag you read (a list, or * for any version)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security,
            InputStream body) {
        long productId = Parameters.id(id, "product");
        Replacement replacement = ProductJson.readReplacement(JsonBody.readObject(body));
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, replacement.version());
        return ok(products.replace(productId, expected, replacement.draft(),
                Callers.id(security.getUserPrincipal())));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    @Operation(operationId = "patchProduct", summary = "Change some members of a product",
            description = "An RFC 7396 merge patch: only the members sent change; null clears description. "
                    + "Conditional like PUT, validated like PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(ref = "ProductPatch")))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocs.PRODUCT_SCHEMA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "VersionConflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", description = "The body is not application/merge-patch+json",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response patch(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH,
                    description = "The ETag you read (a list, or * for any version)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security,
            InputStream body) {
        long productId = Parameters.id(id, "product");
        Patch patch = ProductJson.readPatch(JsonBody.readObject(body));
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, patch.version());
        return ok(products.patch(productId, expected, patch.change(), Callers.id(security.getUserPrincipal())));
    }

    @DELETE
    @Path("{id}")
    // 204 has no body, so a client may accept only the problem type its failures come in (generated clients do)
    @Produces({MediaType.APPLICATION_JSON, ApiDocs.PROBLEM})
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "Unconditional unless If-Match is sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "ProductInUse")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH,
                    description = "Delete only at this version (a list, or *)")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        products.delete(Parameters.id(id, "product"), ExpectedVersion.optional(ifMatch, null),
                Callers.id(security.getUserPrincipal()));
    }

    // Headers are set as the strings they are sent as: given a URI or an EntityTag, Jersey looks a header
    // delegate up for each and builds a localized error message it does not use (1.5 % of a create's CPU)
    private static Response ok(Product product) {
        return Response.ok(ProductJson.text(product))
                .header(HttpHeaders.ETAG, EntityTags.header(product.version()))
                .build();
    }

    private static Response created(Product product, UriInfo uriInfo) {
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, location(product, uriInfo).toString())
                .header(HttpHeaders.ETAG, EntityTags.header(product.version()))
                .entity(ProductJson.text(product))
                .build();
    }

    private static StoredResponse stored(Product product, UriInfo uriInfo) {
        return new StoredResponse(Response.Status.CREATED.getStatusCode(), location(product, uriInfo).getRawPath(),
                EntityTags.header(product.version()), ProductJson.text(product));
    }

    private static URI location(Product product, UriInfo uriInfo) {
        return uriInfo.getBaseUri().resolve("products/" + product.id());
    }
}
