package io.concurrencydb.changes.boundary;

import io.concurrencydb.catalog.boundary.ProductJson;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.changes.entity.ProductEvent;
import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.json.Timestamps;
import jakarta.json.stream.JsonGenerator;

/** The change feed's JSON: an event carries the product as the API writes it, or null for a deletion. */
final class EventJson {

    private EventJson() {
    }

    static String text(ProductEvent event) {
        return JsonBuilders.text(json -> write(json.writeStartObject(), event).writeEnd());
    }

    static String text(EventPage page) {
        return JsonBuilders.text(json -> {
            json.writeStartObject().writeStartArray("events");
            page.events().forEach(event -> write(json.writeStartObject(), event).writeEnd());
            json.writeEnd().write("next", page.next()).writeEnd();
        });
    }

    private static JsonGenerator write(JsonGenerator json, ProductEvent event) {
        json.write("position", event.position())
                .write("product_id", event.productId())
                .write("kind", event.kind())
                .write("version", event.version());
        if (event.caller() == null) {
            json.writeNull("caller");
        } else {
            json.write("caller", event.caller());
        }
        json.write("occurred_at", Timestamps.text(event.occurredAt()));
        if (event.product() == null) {
            return json.writeNull("product");
        }
        return ProductJson.write(json.writeStartObject("product"), event.product()).writeEnd();
    }
}
