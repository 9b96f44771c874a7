package io.concurrencydb.changes.boundary;

import io.concurrencydb.catalog.boundary.ProductJson;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.changes.entity.ProductEvent;
import io.concurrencydb.platform.json.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.format.DateTimeFormatter;

/** The change feed's JSON: an event carries the product as the API writes it, or null for a deletion. */
final class EventJson {

    private EventJson() {
    }

    static JsonObject write(ProductEvent event) {
        JsonObjectBuilder json = JsonBuilders.FACTORY.createObjectBuilder()
                .add("position", event.position())
                .add("product_id", event.productId())
                .add("kind", event.kind())
                .add("version", event.version())
                .add("caller", JsonBuilders.nullable(event.caller()))
                .add("occurred_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()));
        return json.add("product", event.product() == null ? JsonValue.NULL : ProductJson.write(event.product()))
                .build();
    }

    static JsonObject write(EventPage page) {
        JsonArrayBuilder events = JsonBuilders.FACTORY.createArrayBuilder();
        page.events().forEach(event -> events.add(write(event)));
        return JsonBuilders.FACTORY.createObjectBuilder()
                .add("events", events)
                .add("next", page.next())
                .build();
    }
}
