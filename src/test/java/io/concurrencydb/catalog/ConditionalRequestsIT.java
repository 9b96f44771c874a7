package io.concurrencydb.catalog;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.TestDatabaseSession;
import io.concurrencydb.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CONTRACT.md section 2: ETags, conditional reads and writes, merge patches and idempotent creates. */
class ConditionalRequestsIT extends DeployedService {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    @DisplayName("H1 every single-product response carries the version as a strong ETag")
    void singleProductResponsesCarryETag() {
        HttpResponse<String> created = api.post("api/products", "{\"name\": \"Tagged\", \"price\": 1, \"stock_quantity\": 1}");
        long id = Api.json(created).getInt("id");
        HttpResponse<String> read = api.get("api/products/" + id);
        HttpResponse<String> put = ifMatch("PUT", id, "\"0\"", "application/json",
                "{\"name\": \"Tagged\", \"price\": 2, \"stock_quantity\": 1}");
        HttpResponse<String> patch = ifMatch("PATCH", id, "\"1\"", MERGE_PATCH, "{\"price\": 3}");

        assertEquals("\"0\"", etag(created));
        assertEquals("\"0\"", etag(read));
        assertEquals("\"1\"", etag(put));
        assertEquals("\"2\"", etag(patch));
        assertEquals(2, Api.json(patch).getInt("version"));
    }

    @Test
    @DisplayName("H2 If-None-Match with the current ETag is 304 with the ETag and no body; a stale one is 200")
    void conditionalRead() {
        long id = api.create("Cached", "1", 1).getInt("id");

        HttpResponse<String> current = api.get("api/products/" + id, "If-None-Match", "\"0\"");
        HttpResponse<String> weak = api.get("api/products/" + id, "If-None-Match", "\"7\", W/\"0\"");
        HttpResponse<String> any = api.get("api/products/" + id, "If-None-Match", "*");
        HttpResponse<String> stale = api.get("api/products/" + id, "If-None-Match", "\"7\"");

        assertEquals(304, current.statusCode());
        assertEquals("\"0\"", etag(current));
        assertEquals("", current.body());
        assertEquals(304, weak.statusCode());
        assertEquals(304, any.statusCode());
        assertEquals(200, stale.statusCode());
        assertEquals(id, Api.json(stale).getInt("id"));
    }

    @Test
    @DisplayName("H3 If-Match with a stale ETag is 412 with the current ETag and version, and changes nothing")
    void staleIfMatchIs412() {
        JsonObject product = api.create("Guarded", "1", 1);
        long id = product.getInt("id");
        api.put("api/products/" + id, Api.replacement(product, 2));

        HttpResponse<String> put = ifMatch("PUT", id, "\"0\"", "application/json",
                "{\"name\": \"Lost\", \"price\": 1, \"stock_quantity\": 1}");
        HttpResponse<String> patch = ifMatch("PATCH", id, "\"0\"", MERGE_PATCH, "{\"name\": \"Lost\"}");
        HttpResponse<String> delete = api.send("DELETE", "api/products/" + id, BodyPublishers.noBody(),
                "If-Match", "\"0\"");

        for (HttpResponse<String> response : List.of(put, patch, delete)) {
            assertProblem(412, "/problems/precondition-failed", response);
            assertEquals("\"1\"", etag(response));
            assertEquals(1, Api.json(response).getInt("version"));
        }
        JsonObject stored = api.product(id);
        assertEquals("Guarded", stored.getString("name"));
        assertEquals(1, stored.getInt("version"));
    }

    @Test
    @DisplayName("H3 If-Match takes a list of ETags, or * for any version")
    void ifMatchListsAndStar() {
        long id = api.create("Listed", "1", 1).getInt("id");

        HttpResponse<String> listed = ifMatch("PATCH", id, "\"5\", \"0\"", MERGE_PATCH, "{\"stock_quantity\": 2}");
        HttpResponse<String> star = ifMatch("PATCH", id, "*", MERGE_PATCH, "{\"stock_quantity\": 3}");
        HttpResponse<String> weakNeverMatches = ifMatch("PATCH", id, "W/\"2\"", MERGE_PATCH, "{\"stock_quantity\": 4}");

        assertEquals(200, listed.statusCode());
        assertEquals(200, star.statusCode());
        assertEquals(2, Api.json(star).getInt("version"));
        assertEquals(412, weakNeverMatches.statusCode());
        assertProblem(400, "/problems/validation",
                ifMatch("PATCH", id, "2", MERGE_PATCH, "{\"stock_quantity\": 4}"));
    }

    @Test
    @DisplayName("H4 a write with neither If-Match nor a body version is 428; both, disagreeing, are 400")
    void preconditionsRequiredAndConsistent() {
        long id = api.create("Strict", "1", 1).getInt("id");

        assertProblem(428, "/problems/precondition-required",
                api.send("PATCH", "api/products/" + id, BodyPublishers.ofString("{\"price\": 2}"),
                        "Content-Type", MERGE_PATCH));
        assertProblem(400, "/problems/validation", ifMatch("PUT", id, "\"0\"", "application/json",
                "{\"name\": \"Strict\", \"price\": 2, \"stock_quantity\": 1, \"version\": 3}"));
        assertEquals(200, ifMatch("PUT", id, "\"0\"", "application/json",
                "{\"name\": \"Strict\", \"price\": 2, \"stock_quantity\": 1, \"version\": 0}").statusCode());
    }

    @Test
    @DisplayName("H4 a stale body version keeps the original's 409")
    void staleBodyVersionIs409() {
        long id = api.create("Body versioned", "1", 1).getInt("id");
        api.send("PATCH", "api/products/" + id, BodyPublishers.ofString("{\"price\": 2, \"version\": 0}"),
                "Content-Type", MERGE_PATCH);

        HttpResponse<String> stale = api.send("PATCH", "api/products/" + id,
                BodyPublishers.ofString("{\"price\": 3, \"version\": 0}"), "Content-Type", MERGE_PATCH);

        assertProblem(409, "/problems/version-conflict", stale);
        assertEquals(1, Api.json(stale).getInt("version"));
    }

    @Test
    @DisplayName("H5 a retried write that already took effect answers 200 with the stored product, writing nothing")
    void retriedWriteThatAlreadyTookEffect() {
        long id = api.create("Retried", "1", 1).getInt("id");
        String body = "{\"name\": \"Retried\", \"price\": 9.99, \"stock_quantity\": 1}";
        assertEquals(200, ifMatch("PUT", id, "\"0\"", "application/json", body).statusCode());

        HttpResponse<String> retry = ifMatch("PUT", id, "\"0\"", "application/json", body);

        assertEquals(200, retry.statusCode());
        assertEquals("\"1\"", etag(retry));
        assertEquals(1, api.product(id).getInt("version"));
    }

    @Test
    @DisplayName("H6 DELETE with a matching If-Match deletes; without If-Match it stays unconditional")
    void conditionalDelete() {
        long guarded = api.create("Delete me", "1", 1).getInt("id");
        long plain = api.create("Delete me too", "1", 1).getInt("id");

        assertEquals(204, api.send("DELETE", "api/products/" + guarded, BodyPublishers.noBody(),
                "If-Match", "\"0\"").statusCode());
        assertEquals(204, api.delete("api/products/" + plain).statusCode());
        assertProblem(404, "/problems/not-found", api.send("DELETE", "api/products/" + guarded,
                BodyPublishers.noBody(), "If-Match", "\"0\""));
    }

    @Test
    @DisplayName("H7 a merge patch changes only the members sent; null clears description")
    void mergePatchChangesOnlyWhatIsSent() {
        long id = Api.json(api.post("api/products",
                "{\"name\": \"Patched\", \"description\": \"Old\", \"price\": 5.50, \"stock_quantity\": 7}"))
                .getInt("id");

        HttpResponse<String> patched = ifMatch("PATCH", id, "\"0\"", MERGE_PATCH,
                "{\"description\": null, \"price\": 6.25, \"id\": 1, \"updated_at\": \"x\"}");

        assertEquals(200, patched.statusCode());
        JsonObject product = Api.json(patched);
        assertEquals("Patched", product.getString("name"));
        assertEquals(JsonValue.NULL, product.get("description"));
        assertEquals(new BigDecimal("6.25"), product.getJsonNumber("price").bigDecimalValue());
        assertEquals(7, product.getInt("stock_quantity"));
        assertEquals(id, product.getInt("id"));
        assertEquals(product, api.product(id));
    }

    @Test
    @DisplayName("H7 a merge patch is validated like a PUT: null for a required member, unknown members, bad values")
    void mergePatchIsValidated() {
        long id = api.create("Validated", "1", 1).getInt("id");
        Map<String, String> cases = Map.of(
                "{\"name\": null}", "name",
                "{\"price\": null}", "price",
                "{\"stock_quantity\": -1}", "stock_quantity",
                "{\"colour\": \"red\"}", "colour",
                "{\"name\": \"" + "x".repeat(256) + "\"}", "name");
        cases.forEach((body, member) -> {
            HttpResponse<String> response = ifMatch("PATCH", id, "*", MERGE_PATCH, body);
            assertProblem(400, "/problems/validation", response);
            assertEquals(member, Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
        });
        assertProblem(415, "about:blank", ifMatch("PATCH", id, "*", "application/json", "{\"price\": 2}"));
        assertEquals(0, api.product(id).getInt("version"));
    }

    @Test
    @DisplayName("H8 two clients patching with the same If-Match: exactly one 200 and one 412")
    void twoPatchesWithTheSameIfMatch() throws Exception {
        long id = api.create("Patched twice", "1", 1).getInt("id");

        List<HttpResponse<String>> responses = Race.run(2,
                client -> ifMatch("PATCH", id, "\"0\"", MERGE_PATCH, "{\"stock_quantity\": " + (10 + client) + "}"));

        assertEquals(Map.of(200, 1L, 412, 1L), Race.statusCounts(responses));
        assertEquals(1, api.product(id).getInt("version"));
    }

    @Test
    @DisplayName("H9 the same Idempotency-Key and body: one product, and the replay is the first response byte for byte")
    void idempotentReplay() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Once\", \"price\": 3, \"stock_quantity\": 3}";

        HttpResponse<String> first = idempotentPost(key, body);
        HttpResponse<String> replay = idempotentPost(key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, replay.statusCode());
        assertEquals(first.body(), replay.body());
        assertEquals(first.headers().firstValue("Location"), replay.headers().firstValue("Location"));
        assertEquals(etag(first), etag(replay));
        assertEquals("false", first.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElseThrow());
    }

    @Test
    @DisplayName("H9 the same Idempotency-Key with another body is 422, creating nothing")
    void idempotencyKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, idempotentPost(key, "{\"name\": \"First\", \"price\": 1, \"stock_quantity\": 1}").statusCode());
        long totalBefore = Api.json(api.get("api/products?limit=1")).getJsonNumber("total").longValue();

        HttpResponse<String> reused = idempotentPost(key, "{\"name\": \"Second\", \"price\": 1, \"stock_quantity\": 1}");

        assertProblem(422, "/problems/idempotency-key-reused", reused);
        assertEquals(totalBefore, Api.json(api.get("api/products?limit=1")).getJsonNumber("total").longValue());
    }

    @Test
    @DisplayName("H9 an Idempotency-Key must be 1 to 255 printable ASCII characters")
    void idempotencyKeyFormat() {
        String body = "{\"name\": \"Keyed\", \"price\": 1, \"stock_quantity\": 1}";
        // non-ASCII bytes cannot be sent with the JDK client (it writes them as '?'); curl shows them refused too
        List<String> invalid = new ArrayList<>(List.of("x".repeat(256), ""));
        if (Server.current() != Server.WILDFLY) {
            // Undertow turns a tab inside a value into a space and drops a blank field before the WAR sees them
            invalid.addAll(List.of("tab\there", " "));
        }
        for (String key : invalid) {
            assertProblem(400, "/problems/validation", idempotentPost(key, body));
        }
        assertEquals(201, idempotentPost("k".repeat(255), body).statusCode());
    }

    @Test
    @DisplayName("H10 twenty concurrent POSTs with one Idempotency-Key: exactly one product, every response names it")
    void concurrentIdempotentCreates() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Concurrent once " + key;

        List<HttpResponse<String>> responses = Race.run(20,
                client -> idempotentPost(key, "{\"name\": \"" + name + "\", \"price\": 1, \"stock_quantity\": 1}"));

        Set<Integer> ids = responses.stream()
                .peek(r -> assertEquals(201, r.statusCode(), r.body()))
                .map(r -> Api.json(r).getInt("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size());
        assertEquals(1, TestDatabaseSession.database().count("SELECT count(*) FROM products WHERE name = ?", name));
        assertTrue(responses.stream().map(ConditionalRequestsIT::etag).allMatch("\"0\""::equals));
    }

    @Test
    @DisplayName("H11 a request whose Idempotency-Key is held by a running request gets 409, not a second product")
    void idempotencyKeyInFlight() throws Exception {
        String key = UUID.randomUUID().toString();
        try (Connection other = TestDatabaseSession.database().connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement claim = other.prepareStatement(
                    "INSERT INTO idempotency_keys (caller, idempotency_key, fingerprint) VALUES (?, ?, 'in flight')")) {
                claim.setString(1, Tokens.callerId("it-writer"));
                claim.setString(2, key);
                claim.executeUpdate();
            }

            HttpResponse<String> second = idempotentPost(key, "{\"name\": \"Waiting\", \"price\": 1, \"stock_quantity\": 1}");

            assertProblem(409, "/problems/idempotency-in-flight", second);
            assertTrue(second.headers().firstValue("Retry-After").isPresent());
            other.rollback();
        }
        assertEquals(201, idempotentPost(key, "{\"name\": \"Waiting\", \"price\": 1, \"stock_quantity\": 1}").statusCode());
    }

    @Test
    @DisplayName("H12 a key older than 24 hours is forgotten: reusing it creates a new product")
    void expiredIdempotencyKeyIsReclaimed() throws Exception {
        String key = UUID.randomUUID().toString();
        assertEquals(201, idempotentPost(key, "{\"name\": \"Yesterday\", \"price\": 1, \"stock_quantity\": 1}").statusCode());
        try (Connection connection = TestDatabaseSession.database().connect();
             PreparedStatement age = connection.prepareStatement(
                     "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?")) {
            age.setString(1, key);
            assertEquals(1, age.executeUpdate());
        }

        HttpResponse<String> today = idempotentPost(key, "{\"name\": \"Today\", \"price\": 1, \"stock_quantity\": 1}");

        assertEquals(201, today.statusCode());
        assertEquals("Today", Api.json(today).getString("name"));
        assertEquals("false", today.headers().firstValue("Idempotent-Replayed").orElseThrow());
    }

    private HttpResponse<String> ifMatch(String method, long id, String tags, String type, String body) {
        return api.send(method, "api/products/" + id, BodyPublishers.ofString(body),
                "Content-Type", type, "If-Match", tags);
    }

    private HttpResponse<String> idempotentPost(String key, String body) {
        return api.send("POST", "api/products", BodyPublishers.ofString(body),
                "Content-Type", "application/json", "Idempotency-Key", key);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElse("");
    }
}
