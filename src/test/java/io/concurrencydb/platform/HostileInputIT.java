package io.concurrencydb.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Garbage in, a precise 4xx problem out: never a 500, a stack trace, SQL, or the client's markup echoed. */
class HostileInputIT extends DeployedService {

    private static final String JSON = "application/json";
    private static final byte[] NO_BODY = null;
    private static final String VALID = "\"name\": \"Valid\", \"price\": 1, \"stock_quantity\": 1";

    long id;

    @BeforeEach
    void target() {
        id = api.create("Target", "1", 5).getInt("id");
    }

    /** One bad request and the answer it must get. */
    record Case(String method, String path, byte[] body, int status, String type, String... headers) {

        Case(String method, String path, String body, int status, String type, String... headers) {
            this(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, type, headers);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
                    + " " + String.join(" ", headers);
        }
    }

    private List<Case> cases() {
        String product = "api/products/" + id;
        String stock = product + "/stock-adjustments";
        String v = "validation";
        String malformed = "malformed-body";
        return List.of(
                // creating products: syntax, encoding, types, ranges, members
                new Case("POST", "api/products", "{\"name\": ", 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "", 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "[{" + VALID + "}]", 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", new byte[] {'{', '"', 'n', (byte) 0xC0, (byte) 0xAF, '"', '}'}, 400,
                        malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": \"A\", \"price\": NaN, \"stock_quantity\": 1}", 400,
                        malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": \"A\", \"price\": -Infinity, \"stock_quantity\": 1}",
                        400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "[".repeat(200_000), 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), 400,
                        null, "Content-Type", JSON),
                new Case("POST", "api/products", "{" + VALID + "} trailing", 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": \"A\", \"price\": 1e999999999, \"stock_quantity\": 1}",
                        400, v, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": \"A\", \"price\": 1, \"stock_quantity\": -2147483649}",
                        400, v, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": 1e5, \"price\": 1, \"stock_quantity\": 1}", 400, v,
                        "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": \"\\u0000\", \"price\": 1, \"stock_quantity\": 1}", 400,
                        v, "Content-Type", JSON),
                new Case("POST", "api/products", "{\"name\": {}, \"price\": 1, \"stock_quantity\": 1}", 400, v,
                        "Content-Type", JSON),
                new Case("POST", "api/products", "{" + VALID + ", \"<script>alert(1)</script>\": 1}", 400, v,
                        "Content-Type", JSON),
                new Case("POST", "api/products", "{" + VALID + ", \"price\": 2}", 400, malformed, "Content-Type", JSON),
                new Case("POST", "api/products", "{" + VALID + "}", 415, "about:blank", "Content-Type", "text/plain"),
                new Case("POST", "api/products", "{" + VALID + "}", 415, "about:blank", "Content-Type", "application/xml"),
                new Case("POST", "api/products", "{" + VALID + "}", 406, "about:blank", "Content-Type", JSON,
                        "Accept", "application/xml"),
                new Case("POST", "api/products", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}", 413,
                        "payload-too-large", "Content-Type", JSON),
                new Case("POST", "api/products", "{" + VALID + "}", 400, v, "Content-Type", JSON,
                        "Idempotency-Key", "k".repeat(300)),
                // reading and listing
                new Case("GET", "api/products?limit=0", NO_BODY, 400, v),
                new Case("GET", "api/products?limit=1e2", NO_BODY, 400, v),
                new Case("GET", "api/products?limit=100000000000000000000", NO_BODY, 400, v),
                new Case("GET", "api/products?offset=-1", NO_BODY, 400, v),
                new Case("GET", "api/products?offset=%27%20OR%201=1--", NO_BODY, 400, v),
                new Case("GET", "api/products/abc", NO_BODY, 400, v),
                new Case("GET", "api/products/-5", NO_BODY, 400, v),
                new Case("GET", "api/products/1%20OR%201=1", NO_BODY, 400, v),
                new Case("GET", "api/products/18446744073709551616", NO_BODY, 404, "not-found"),
                new Case("GET", product, NO_BODY, 400, v, "If-None-Match", "0"),
                new Case("GET", product, NO_BODY, 400, v, "If-None-Match", "\"" + "9".repeat(2000) + "\""),
                // replacing, patching, deleting
                new Case("PUT", product, "{" + VALID + "}", 428, "precondition-required", "Content-Type", JSON),
                new Case("PUT", product, "{" + VALID + "}", 400, v, "Content-Type", JSON, "If-Match", "zero"),
                new Case("PUT", product, "{" + VALID + ", \"version\": \"0\"}", 400, v, "Content-Type", JSON),
                new Case("PUT", product, "{" + VALID + ", \"version\": -1}", 400, v, "Content-Type", JSON),
                new Case("PUT", product, "{" + VALID + ", \"version\": 0.5}", 400, v, "Content-Type", JSON),
                new Case("PATCH", product, "{\"price\": 2}", 415, "about:blank", "Content-Type", JSON,
                        "If-Match", "*"),
                new Case("PATCH", product, "[]", 400, malformed, "Content-Type", "application/merge-patch+json",
                        "If-Match", "*"),
                new Case("PATCH", product, "{\"stock_quantity\": null}", 400, v,
                        "Content-Type", "application/merge-patch+json", "If-Match", "*"),
                new Case("DELETE", "api/products/abc", NO_BODY, 400, v),
                new Case("DELETE", product, NO_BODY, 412, "precondition-failed", "If-Match", "W/\"0\""),
                // stock adjustments and orders
                new Case("POST", stock, "{\"delta\": 0}", 400, v, "Content-Type", JSON),
                new Case("POST", stock, "{\"delta\": 1, \"strategy\": \"'; DROP TABLE products;--\"}", 400, v,
                        "Content-Type", JSON),
                new Case("POST", stock, "{\"delta\": 1e10}", 400, v, "Content-Type", JSON),
                new Case("POST", stock, "{\"delta\": -6}", 409, "insufficient-stock", "Content-Type", JSON),
                new Case("POST", "api/products/x/stock-adjustments", "{\"delta\": 1}", 400, v, "Content-Type", JSON),
                new Case("POST", "api/orders", "{\"items\": []}", 400, v, "Content-Type", JSON),
                new Case("POST", "api/orders", "{\"items\": \"all\"}", 400, v, "Content-Type", JSON),
                new Case("POST", "api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 0}]}", 400,
                        v, "Content-Type", JSON),
                new Case("GET", "api/orders/xyz", NO_BODY, 400, v),
                // the HTTP layer and the static pages
                new Case("PUT", "api/products", "{}", 405, "about:blank", "Content-Type", JSON),
                new Case("DELETE", "index.html", NO_BODY, 405, "about:blank"),
                new Case("GET", "no/such/page", NO_BODY, 404, "about:blank"),
                new Case("GET", "api/no/such/resource", NO_BODY, 404, "about:blank"));
    }

    @Test
    @DisplayName("I1 more than 50 distinct bad requests across every endpoint each get a precise 4xx problem")
    void everyBadRequestGetsAPreciseProblem() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40);
        assertAll(cases.stream().map(c -> (Executable) () -> {
            HttpResponse<String> response = api.send(c.method(), c.path(),
                    c.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(c.body()), c.headers());
            assertEquals(c.status(), response.statusCode(), c + " -> " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    c.toString());
            JsonObject problem = Api.json(response);
            if (c.type() != null) {
                assertEquals(c.type().equals("about:blank") ? c.type() : "/problems/" + c.type(),
                        problem.getString("type"), c.toString());
            }
            assertEquals(c.status(), problem.getInt("status"), c.toString());
            assertClean(response.body(), c.toString());
        }));
        assertEquals(5, api.product(id).getInt("stock_quantity"));
    }

    @Test
    @DisplayName("I2 a declared body over 1 MiB is refused at once, before it is sent")
    void declaredOversizedBodyIsRefusedAtOnce() throws IOException {
        String head = "POST /api/products HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + Tokens.writer() + "\r\n"
                + "Content-Length: 50000000\r\nConnection: close\r\n\r\n{";
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[4096];
            for (int n; !answer.toString().contains("}") && (n = in.read(chunk)) > 0; ) {
                answer.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer::toString);
            assertTrue(answer.toString().contains("/problems/payload-too-large"), answer::toString);
        }
    }

    @Test
    @DisplayName("I3 SQL metacharacters and Unicode round-trip exactly through every write")
    void hostileTextRoundTrips() {
        List<String> names = List.of("'; DROP TABLE products; --", "Robert\"); DELETE FROM orders;--",
                "\u202Eevil\u202C right-to-left override", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
                "e\u0301\u0301\u0301 combining", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family",
                "%s %n %d {0} ${jndi:ldap://x}", "<script>alert(1)</script>", "back\\slash and \"quotes\"");
        List<String> stored = new ArrayList<>();
        for (String name : names) {
            String body = jakarta.json.Json.createObjectBuilder().add("name", name).add("description", name)
                    .add("price", 1).add("stock_quantity", 1).build().toString();
            long created = Api.json(api.post("api/products", body)).getInt("id");
            JsonObject read = api.product(created);
            stored.add(read.getString("name"));
            assertEquals(name, read.getString("description"));
        }
        assertEquals(names, stored);
    }

    private static void assertClean(String body, String context) {
        for (String leak : List.of("Exception", "SQL", "org.postgresql", "\tat ", "<script>", "<html")) {
            assertFalse(body.contains(leak), context + " leaks " + leak + ": " + body);
        }
    }
}
