package io.concurrencydb.generated;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.api.ProductsApi;
import org.openapitools.client.model.Product;
import org.openapitools.client.model.ProductInput;
import org.openapitools.client.model.ProductPage;

/**
 * What a team does with a client generated from the service's OpenAPI document: compiled by GeneratedClientIT
 * against the generated sources, with nothing written by hand between them and the service but this flow.
 */
public final class ClientFlow {

    private ClientFlow() {
    }

    /** Runs create, read, list, replace, a stale replace, delete and a read after delete; returns what it saw. */
    public static List<String> run(String baseUri, String token) throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        ProductsApi products = new ProductsApi(client);
        List<String> seen = new ArrayList<>();

        Product created = products.createProduct(new ProductInput().name("Generated").description("from the client")
                .price(new BigDecimal("2.50")).stockQuantity(3), null);
        String id = String.valueOf(created.getId());
        seen.add("created version " + created.getVersion() + " by " + created.getCreatedBy());
        seen.add("read " + products.readProduct(id, null).getName());
        // newest first, the product is on the first page; then the whole catalogue is walked with the cursor
        seen.add("listed " + (products.listProducts(null, null, "20", null, null, null, null, "-id", null)
                .getProducts().stream().anyMatch(product -> product.getId().equals(created.getId()))
                ? "it" : "nothing"));
        int walked = 0;
        String after = null;
        do {
            // parameters by name: after, in_stock, limit, max_price, min_price, name, offset, sort, total
            ProductPage page = products.listProducts(after, null, "1000", null, null, null, null, null, "false");
            walked += page.getProducts().size();
            after = page.getNext();
        } while (after != null);
        seen.add(walked > 0 ? "walked" : "walked nothing");
        Product replaced = products.replaceProduct(id, new ProductInput().name("Generated").price(new BigDecimal("2.75"))
                .stockQuantity(2).version(created.getVersion()), null);
        seen.add("replaced to version " + replaced.getVersion() + " at " + replaced.getPrice());
        try {
            products.replaceProduct(id, new ProductInput().name("Stale").price(BigDecimal.ONE).stockQuantity(1)
                    .version(created.getVersion()), null);
            seen.add("stale replace accepted");
        } catch (ApiException e) {
            seen.add("stale replace " + e.getCode());
        }
        products.deleteProduct(id, null);
        seen.add("deleted");
        try {
            products.readProduct(id, null);
            seen.add("read after delete found it");
        } catch (ApiException e) {
            seen.add("read after delete " + e.getCode());
        }
        return seen;
    }
}
