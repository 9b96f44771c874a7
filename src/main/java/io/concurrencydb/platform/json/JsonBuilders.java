package io.concurrencydb.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The one builder factory for every response body. Json.createObjectBuilder() looks the JSON-P provider up
 * again on each call, so the service builds through a factory made once, as the JSON-P documentation advises.
 */
public final class JsonBuilders {

    public static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    /** The string, or JSON null. */
    public static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private JsonBuilders() {
    }
}
