package io.concurrencydb.platform.security;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.SecondInstance;
import io.concurrencydb.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens as the server checks them: every forged, stale or misdirected token is the same 401 problem with
 * an RFC 6750 challenge, a missing token where one is needed is 401, a token without the role is 403, and reads
 * stay public. Each case is a real token sent to the real server. Then who did it: every write records the
 * token's caller, and an Idempotency-Key belongs to the caller who sent it.
 */
class AuthenticationIT extends DeployedService {

    private static final String INVALID = "/problems/invalid-token";
    private static final String MISSING = "/problems/authentication-required";
    private static final String BODY = "{\"name\": \"Token\", \"price\": 1.00, \"stock_quantity\": 1}";

    @Test
    @DisplayName("A1 a write without a token is 401 with a Bearer challenge and no error code")
    void writeWithoutToken() {
        HttpResponse<String> response = api.anonymous().post("api/products", BODY);
        assertProblem(401, MISSING, response);
        assertEquals("Bearer realm=\"products\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    @DisplayName("A2 every forged, stale or misdirected token is 401 invalid_token, and creates nothing")
    void badTokensAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String valid = Tokens.writer();
        String[] parts = valid.split("\\.");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("alg none", Tokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        cases.put("HS256 keyed with the public key", hs256(Tokens.claims("it-writer", "writer").build(),
                Files.readAllBytes(Tokens.KEYS.resolve("public.pem"))));
        cases.put("tampered payload", parts[0] + "." + Tokens.encode(Tokens.claims("it-writer", "writer")
                .add("sub", "someone-else").build().toString()) + "." + parts[2]);
        cases.put("signed by another key", Tokens.sign(Tokens.header(), Tokens.claims("it-writer", "writer").build(),
                Tokens.otherKeys().getPrivate()));
        cases.put("expired beyond the clock skew", signed(Tokens.claims("it-writer", "writer")
                .add("iat", now - 7200).add("exp", now - 120)));
        cases.put("not valid before a time to come", signed(Tokens.claims("it-writer", "writer")
                .add("nbf", now + 600)));
        cases.put("another issuer", signed(Tokens.claims("it-writer", "writer").add("iss", "https://evil.test")));
        cases.put("another audience", signed(Tokens.claims("it-writer", "writer").add("aud", "other-service")));
        cases.put("no audience", signed(Tokens.claims("it-writer", "writer").remove("aud")));
        cases.put("no expiry", signed(Tokens.claims("it-writer", "writer").remove("exp")));
        cases.put("malformed base64", "eyJhbGciOiJSUzI1NiJ9.!!!not-base64!!!.c2ln");
        cases.put("not a JWT at all", "hello");
        cases.put("an unknown kid, signed by a key the server does not hold", Tokens.sign(
                Tokens.header().add("kid", "rotated-away"), Tokens.claims("it-writer", "writer").build(),
                Tokens.otherKeys().getPrivate()));
        cases.put("an unknown kid on a token the trusted key signed", Tokens.sign(
                Tokens.header().add("kid", "rotated-away"), Tokens.claims("it-writer", "writer").build(),
                Tokens.keys().getPrivate()));
        long before = count();
        cases.forEach((name, token) -> {
            HttpResponse<String> response = api.as(token).post("api/products", BODY);
            assertEquals(401, response.statusCode(), name + ": " + response.body());
            assertProblem(401, INVALID, response);
            assertEquals("Bearer realm=\"products\", error=\"invalid_token\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(""), name);
        });
        assertEquals(before, count(), "a refused token created a product");
    }

    @Test
    @DisplayName("A3 a token in the query string is ignored: the request is anonymous")
    void tokenInQueryIsIgnored() {
        HttpResponse<String> response = api.anonymous()
                .post("api/products?access_token=" + Tokens.writer(), BODY);
        assertProblem(401, MISSING, response);
    }

    @Test
    @DisplayName("A4 an oversize token is a 4xx problem, not an empty answer")
    void oversizeToken() {
        String huge = Tokens.sign(Tokens.header(), Tokens.claims("it-writer", "writer")
                .add("padding", "x".repeat(20_000)).build(), Tokens.otherKeys().getPrivate());
        assertTrue(huge.length() > 27_000);
        HttpResponse<String> response = api.as(huge).post("api/products", BODY);
        assertProblem(401, INVALID, response);
    }

    @Test
    @DisplayName("A5 a valid token without the role writer is 403 on every write, and changes nothing")
    void withoutRoleEveryWriteIsForbidden() {
        JsonObject product = api.create("Guarded", "5.00", 5);
        long id = product.getJsonNumber("id").longValue();
        Api reader = api.as(Tokens.reader());
        String one = "api/products/" + id;
        List<HttpResponse<String>> answers = List.of(
                reader.post("api/products", BODY),
                reader.put(one, Api.replacement(product, 4)),
                reader.send("PATCH", one, BodyPublishers.ofString("{\"stock_quantity\": 3}"),
                        "Content-Type", "application/merge-patch+json", "If-Match", "\"0\""),
                reader.delete(one),
                reader.post(one + "/stock-adjustments", "{\"delta\": -1}"),
                reader.post("api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1}]}"));
        for (HttpResponse<String> response : answers) {
            assertProblem(403, "/problems/forbidden", response);
            assertEquals("writer", Api.json(response).getString("required_role"));
            assertEquals("Bearer realm=\"products\", error=\"insufficient_scope\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        JsonObject after = api.product(id);
        assertEquals(0, after.getInt("version"));
        assertEquals(5, after.getInt("stock_quantity"));
    }

    @Test
    @DisplayName("A6 reads are public: no token, a reader's token and a writer's token all read")
    void readsArePublic() {
        long id = api.create("Public", "1.00", 1).getJsonNumber("id").longValue();
        for (Api client : List.of(api.anonymous(), api.as(Tokens.reader()), api)) {
            assertEquals(200, client.get("api/products/" + id).statusCode());
            assertEquals(200, client.get("api/products?limit=1").statusCode());
        }
    }

    @Test
    @DisplayName("A6 with AUTH_REQUIRED=all (a second instance), every read needs the role reader, the change feed's "
            + "stream too, which is answered outside Jakarta REST: 401 without a token, 403 without the role")
    void allReadsNeedAReader() throws Exception {
        try (SecondInstance all = SecondInstance.start(Map.of("AUTH_REQUIRED", "all"))) {
            Api anonymous = all.api().anonymous();
            Api roleless = all.api().as(Tokens.of("nobody"));
            for (List<String> read : List.of(List.of("api/products?limit=1", "application/json"),
                    List.of("api/products/events", "application/json"), List.of("api/products/events", "text/event-stream"))) {
                HttpResponse<String> refused = anonymous.get(read.get(0), "Accept", read.get(1));
                assertProblem(401, "/problems/authentication-required", refused);
                assertEquals("Bearer realm=\"products\"", refused.headers().firstValue("WWW-Authenticate").orElse(""));
                assertProblem(403, "/problems/forbidden", roleless.get(read.get(0), "Accept", read.get(1)));
            }
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(all.api().uri("api/products/events"))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + Tokens.reader()).build(),
                    BodyHandlers.ofInputStream());
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), UTF_8))) {
                assertEquals(200, stream.statusCode());
                assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
                assertEquals(": keep-alive", events.readLine(), "the stream opens with a comment");
            }
        }
    }

    @Test
    @DisplayName("A7 health, the OpenAPI document and the pages stay public")
    void operationalEndpointsArePublic() {
        Api anonymous = api.anonymous();
        assertEquals(200, anonymous.health("health").statusCode());
        for (String path : List.of("openapi", "docs/", "redoc/", "")) {
            assertEquals(200, anonymous.get(path).statusCode(), path);
        }
        JsonObject health = Api.json(anonymous.health("health"));
        assertTrue(health.toString().contains("\"required\":\"writes\""), health.toString());
    }

    @Test
    @DisplayName("A8 the creator and the last writer are the token's caller after every kind of write")
    void writesRecordTheCaller() {
        Api alice = api.as(Tokens.of("alice", "writer"));
        Api bob = api.as(Tokens.of("bob", "writer"));
        String aliceId = Tokens.callerId("alice");
        String bobId = Tokens.callerId("bob");

        JsonObject created = Api.json(alice.post("api/products",
                "{\"name\": \"Audited\", \"price\": 2.00, \"stock_quantity\": 9, \"created_by\": \"forged\"}"));
        long id = created.getJsonNumber("id").longValue();
        String one = "api/products/" + id;
        assertEquals(aliceId, created.getString("created_by"));
        assertEquals(aliceId, created.getString("updated_by"));

        JsonObject replaced = Api.json(bob.put(one, Json.createObjectBuilder(created)
                .add("stock_quantity", 8).add("updated_by", "forged").build().toString()));
        assertEquals(List.of(aliceId, bobId),
                List.of(replaced.getString("created_by"), replaced.getString("updated_by")));

        JsonObject patched = Api.json(alice.send("PATCH", one, BodyPublishers.ofString("{\"stock_quantity\": 7}"),
                "Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));
        assertEquals(aliceId, patched.getString("updated_by"));

        JsonObject adjusted = Api.json(bob.post(one + "/stock-adjustments", "{\"delta\": -1}"));
        assertEquals(bobId, adjusted.getString("updated_by"));

        HttpResponse<String> order = alice.post("api/orders",
                "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1}]}");
        assertEquals(201, order.statusCode(), order.body());
        assertEquals(aliceId, Api.json(order).getString("created_by"));
        long orderId = Api.json(order).getJsonNumber("id").longValue();
        assertEquals(aliceId, Api.json(api.get("api/orders/" + orderId)).getString("created_by"));

        JsonObject stored = api.product(id);
        assertEquals(aliceId, stored.getString("created_by"));
        assertEquals(aliceId, stored.getString("updated_by"));
        assertEquals(5, stored.getInt("stock_quantity"));
    }

    @Test
    @DisplayName("A9 two callers, 20 concurrent POSTs each with the same Idempotency-Key: two products, each its own")
    void idempotencyKeysArePerCaller() throws Exception {
        String key = "shared-" + System.nanoTime();
        List<String> callers = List.of("carol", "dave");
        long before = count();
        List<HttpResponse<String>> responses = Race.run(40, client -> api.as(Tokens.of(callers.get(client % 2),
                "writer")).send("POST", "api/products", BodyPublishers.ofString(BODY),
                "Content-Type", "application/json", "Idempotency-Key", key));
        Map<String, Set<Long>> productsPerCaller = new LinkedHashMap<>();
        for (int client = 0; client < responses.size(); client++) {
            HttpResponse<String> response = responses.get(client);
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.body());
            if (response.statusCode() == 201) {
                JsonObject product = Api.json(response);
                String caller = callers.get(client % 2);
                assertEquals(Tokens.callerId(caller), product.getString("created_by"));
                productsPerCaller.computeIfAbsent(caller, c -> new HashSet<>())
                        .add(product.getJsonNumber("id").longValue());
            }
        }
        assertEquals(before + 2, count());
        for (String caller : callers) {
            assertEquals(1, productsPerCaller.get(caller).size(), caller + " saw " + productsPerCaller);
        }
        assertFalse(productsPerCaller.get("carol").equals(productsPerCaller.get("dave")));
    }

    @Test
    @DisplayName("A10 a token accepted once is the same caller with the same roles on its next requests; "
            + "the same token with one character changed is refused")
    void acceptedTokenAgain() {
        String writer = Tokens.of("frank", "writer");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = api.as(writer).post("api/products", BODY);
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(Tokens.callerId("frank"), Api.json(created).getString("created_by"));
        }
        Api reader = api.as(Tokens.of("grace", "reader"));
        for (int i = 0; i < 3; i++) {
            assertProblem(403, "/problems/forbidden", reader.post("api/products", BODY));
        }
        // a character inside the signature: the last one also carries padding bits a decoder may ignore
        String[] parts = writer.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        String changedSignature = parts[0] + "." + parts[1] + "." + new String(signature);
        String changedPayload = parts[0] + "." + Tokens.encode(Tokens.claims("frank", "writer", "admin").build()
                .toString()) + "." + parts[2];
        long before = count();
        for (String token : List.of(changedSignature, changedPayload)) {
            assertProblem(401, INVALID, api.as(token).post("api/products", BODY));
        }
        assertEquals(before, count(), "a changed token created a product");
        assertEquals(201, api.as(writer).post("api/products", BODY).statusCode(), "the accepted token still is");
    }

    private long count() {
        return Api.json(api.get("api/products?limit=1")).getJsonNumber("total").longValue();
    }

    private static String signed(JsonObjectBuilder claims) {
        return Tokens.sign(Tokens.header(), claims.build(), Tokens.keys().getPrivate());
    }

    /** The classic algorithm confusion: HMAC keyed with the bytes of the server's public key. */
    private static String hs256(JsonObject claims, byte[] secret) throws Exception {
        String input = Tokens.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Tokens.encode(claims.toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

}
