package io.concurrencydb.platform.json;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * The service's one JSON-P provider and builder factory. Every static method of jakarta.json.Json looks the
 * provider up again (a ServiceLoader scan of the application's class path, then the server's fallbacks):
 * two such lookups per product written were a tenth of a create's CPU. So the service asks once.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    public static final JsonBuilderFactory FACTORY = PROVIDER.createBuilderFactory(Map.of());

    /** The string, or JSON null. */
    public static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : PROVIDER.createValue(value);
    }

    /** An RFC 7396 merge patch. */
    public static JsonMergePatch mergePatch(JsonValue patch) {
        return PROVIDER.createMergePatch(patch);
    }

    private JsonBuilders() {
    }
}
