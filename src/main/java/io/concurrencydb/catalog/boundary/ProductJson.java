package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.platform.json.JsonFields;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** The products' JSON, mapped by hand so that names, types and nulls are the same on every server. */
final class ProductJson {

    static final int NAME_MAX_CODE_POINTS = 255;
    static final BigDecimal PRICE_MAX = new BigDecimal("99999999.99");
    static final int PRICE_SCALE = 2;

    // The client-owned members, then the server-owned ones a client may send back from a read (rule C5).
    private static final Set<String> KNOWN = Set.of("name", "description", "price", "stock_quantity",
            "id", "version", "created_at", "updated_at");

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ProductJson() {
    }

    /** The body of a create; any version it carries is ignored. */
    static ProductDraft readDraft(JsonObject body) {
        JsonFields fields = new JsonFields(body, KNOWN);
        ProductDraft draft = draft(fields);
        fields.validate();
        return draft;
    }

    /** The body of a replace: a draft and the version it was read at. */
    static Replacement readReplacement(JsonObject body) {
        JsonFields fields = new JsonFields(body, KNOWN);
        ProductDraft draft = draft(fields);
        Long version = fields.requiredInteger("version", 0, Integer.MAX_VALUE);
        fields.validate();
        return new Replacement(draft, version);
    }

    record Replacement(ProductDraft draft, long version) {
    }

    private static ProductDraft draft(JsonFields fields) {
        String name = fields.requiredText("name", NAME_MAX_CODE_POINTS);
        String description = fields.optionalText("description");
        BigDecimal price = fields.requiredDecimal("price", BigDecimal.ZERO, PRICE_MAX, PRICE_SCALE);
        Long stock = fields.requiredInteger("stock_quantity", 0, Integer.MAX_VALUE);
        return stock == null ? null : new ProductDraft(name, description, price, stock.intValue());
    }

    static JsonObject write(Product product) {
        return object(product).build();
    }

    static JsonObject write(ProductPage page, int limit, long offset) {
        JsonArrayBuilder products = JSON.createArrayBuilder();
        page.products().forEach(product -> products.add(object(product)));
        return JSON.createObjectBuilder()
                .add("products", products)
                .add("total", page.total())
                .add("limit", limit)
                .add("offset", offset)
                .build();
    }

    private static JsonObjectBuilder object(Product product) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", product.id())
                .add("name", product.name());
        if (product.description() == null) {
            json.addNull("description");
        } else {
            json.add("description", product.description());
        }
        return json
                .add("price", product.price())
                .add("stock_quantity", product.stockQuantity())
                .add("version", product.version())
                .add("created_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(product.createdAt()))
                .add("updated_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(product.updatedAt()));
    }
}
