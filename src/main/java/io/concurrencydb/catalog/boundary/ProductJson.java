package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.json.JsonFields;
import io.concurrencydb.platform.json.Timestamps;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The products' JSON, mapped by hand so that names, types and nulls are the same on every server. */
public final class ProductJson {

    static final int NAME_MAX_CODE_POINTS = 255;
    static final BigDecimal PRICE_MAX = new BigDecimal("99999999.99");
    static final int PRICE_SCALE = 2;

    // The server-owned members a client may send back from a read are ignored on writes (rule C5).
    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "created_at", "updated_at",
            "created_by", "updated_by");
    private static final Set<String> KNOWN = Set.of("name", "description", "price", "stock_quantity",
            "id", "version", "created_at", "updated_at", "created_by", "updated_by");

    private ProductJson() {
    }

    /** The body of a create; any version it carries is ignored. */
    static ProductDraft readDraft(JsonObject body) {
        JsonFields fields = new JsonFields(body, KNOWN);
        ProductDraft draft = draft(fields);
        fields.validate();
        return draft;
    }

    /** The body of a replace: a draft, and the version it was read at if the body names one. */
    static Replacement readReplacement(JsonObject body) {
        JsonFields fields = new JsonFields(body, KNOWN);
        ProductDraft draft = draft(fields);
        Long version = version(fields);
        fields.validate();
        return new Replacement(draft, version);
    }

    record Replacement(ProductDraft draft, Long version) {
    }

    /**
     * An RFC 7396 merge patch: checked for unknown members now, applied later to the product as stored, and the
     * result validated by the same rules as a replace. A null removes the member, so it clears description and
     * makes a required member missing.
     */
    static Patch readPatch(JsonObject patch) {
        JsonFields fields = new JsonFields(patch, KNOWN);
        Long version = version(fields);
        fields.validate();
        JsonObjectBuilder clientOwned = JsonBuilders.FACTORY.createObjectBuilder(patch);
        SERVER_OWNED.forEach(clientOwned::remove);
        JsonMergePatch merge = JsonBuilders.mergePatch(clientOwned.build());
        return new Patch(draft -> readDraft(merge.apply(object(draft).build()).asJsonObject()), version);
    }

    record Patch(UnaryOperator<ProductDraft> change, Long version) {
    }

    private static Long version(JsonFields fields) {
        return fields.optionalInteger("version", 0, Integer.MAX_VALUE);
    }

    private static ProductDraft draft(JsonFields fields) {
        String name = fields.requiredText("name", NAME_MAX_CODE_POINTS);
        String description = fields.optionalText("description");
        BigDecimal price = fields.requiredDecimal("price", BigDecimal.ZERO, PRICE_MAX, PRICE_SCALE);
        Long stock = fields.requiredInteger("stock_quantity", 0, Integer.MAX_VALUE);
        return stock == null ? null : new ProductDraft(name, description, price, stock.intValue());
    }

    /** A product as the API writes it. */
    public static String text(Product product) {
        return JsonBuilders.text(json -> write(json.writeStartObject(), product).writeEnd());
    }

    static String text(ProductPage page, ProductQuery query) {
        return JsonBuilders.text(json -> {
            json.writeStartObject().writeStartArray("products");
            page.products().forEach(product -> write(json.writeStartObject(), product).writeEnd());
            json.writeEnd();
            if (page.total() == null) {
                json.writeNull("total");
            } else {
                json.write("total", page.total());
            }
            json.write("limit", query.limit()).write("offset", query.offset());
            if (page.next() == null) {
                json.writeNull("next");
            } else {
                json.write("next", page.next().encode());
            }
            json.writeEnd();
        });
    }

    /** The members of a product, into the object {@code json} has just started. */
    public static JsonGenerator write(JsonGenerator json, Product product) {
        json.write("id", product.id()).write("name", product.name());
        nullable(json, "description", product.description())
                .write("price", product.price())
                .write("stock_quantity", product.stockQuantity())
                .write("version", product.version())
                .write("created_at", Timestamps.text(product.createdAt()))
                .write("updated_at", Timestamps.text(product.updatedAt()));
        nullable(json, "created_by", product.createdBy());
        return nullable(json, "updated_by", product.updatedBy());
    }

    private static JsonGenerator nullable(JsonGenerator json, String name, String value) {
        return value == null ? json.writeNull(name) : json.write(name, value);
    }

    private static JsonObjectBuilder object(ProductDraft draft) {
        JsonObjectBuilder json = JsonBuilders.FACTORY.createObjectBuilder().add("name", draft.name());
        if (draft.description() != null) {
            json.add("description", draft.description());
        }
        return json.add("price", draft.price()).add("stock_quantity", draft.stockQuantity());
    }
}
