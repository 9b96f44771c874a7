package io.concurrencydb.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.Await;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.SlowClient;
import io.concurrencydb.support.Steady;
import io.concurrencydb.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Garbage in, a precise 4xx problem out: never a 500, a stack trace, SQL, or the client's markup echoed. Slow and
 * hostile clients (raw sockets) cost the well-behaved ones nothing, and cannot fill the server's log.
 */
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
                new Case("DELETE", "race/index.html", NO_BODY, 405, "about:blank"),
                new Case("POST", "", "{}", 405, "about:blank", "Content-Type", JSON),
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

    @Test
    @DisplayName("I4 a request body that stops arriving is answered 408 request-timeout within REQUEST_BODY_TIMEOUT_S, "
            + "with Connection: close, never a 500")
    void stalledBodyIsAnswered408() throws IOException {
        Duration limit = bodyTimeout();
        for (String path : List.of("api/products", "api/orders", "api/products/" + id + "/stock-adjustments")) {
            try (SlowClient client = SlowClient.stalledBody(port(), path, Tokens.writer())) {
                SlowClient.Answer answer = client.answer(limit.plusSeconds(10));
                assertEquals(408, answer.status(), path + ": " + answer.text());
                assertTrue(answer.after().compareTo(limit.minusMillis(500)) >= 0
                        && answer.after().compareTo(limit.plusSeconds(2)) <= 0, path + " answered after " + answer.after());
                assertTrue(answer.header("Connection", "close"), answer.text());
                assertEquals("/problems/request-timeout", Api.json(answer.body()).getString("type"));
            }
        }
        assertEquals(5, api.product(id).getInt("stock_quantity"));
    }

    @Test
    @DisplayName("I5 64 stalled bodies from token holders take at most REQUEST_BODY_WAITING_MAX request threads: reads "
            + "and health answer with p99 under 1 s, fresh writes get through, each stalled request gets 408 or 503")
    void stalledBodiesCannotTakeEveryThread() throws Exception {
        Duration limit = bodyTimeout();
        List<SlowClient> stalled = new ArrayList<>();
        try (Steady reads = Steady.every("reads", Duration.ofMillis(100), direct("api/products/" + id), null);
                Steady health = Steady.every("health", Duration.ofMillis(500),
                        Server.current().healthBase(direct("")).resolve("health/live"), null);
                Steady writes = Steady.every("writes", Duration.ofMillis(500), HttpRequest.newBuilder(direct("api/products"))
                        .header("Content-Type", JSON).POST(BodyPublishers.ofString("{" + VALID + "}")),
                        Tokens.writer())) {
            for (int i = 0; i < 64; i++) {
                stalled.add(SlowClient.stalledBody(port(), "api/products", Tokens.writer()));
            }
            Thread.sleep(limit.plusSeconds(1).toMillis());
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (SlowClient client : stalled) {
                SlowClient.Answer answer = client.answer(limit.plusSeconds(10));
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 503) {
                    assertTrue(answer.header("Retry-After", "1"), answer.text());
                    assertEquals("/problems/slow-bodies", Api.json(answer.body()).getString("type"));
                }
                client.close();
            }
            System.out.println("I5 on " + Server.current() + ": stalled answered " + statuses + "; " + reads + "; "
                    + health + "; " + writes);
            assertEquals(Set.of(408, 503), statuses.keySet(), "answers to the stalled requests: " + statuses);
            for (Steady steady : List.of(reads, health, writes)) {
                assertEquals(0, steady.failed(), steady.toString());
                assertTrue(steady.sent() >= 5 && steady.p99Millis() < 1000, steady.toString());
            }
        }
    }

    @Test
    @DisplayName("I6 headers sent a byte at a time and stalled writes without a token cost readers nothing; the "
            + "writes are answered 401 at once")
    void slowHeadersAndAnonymousStalledWritesAreHarmless() throws Exception {
        List<SlowClient> dripping = new ArrayList<>();
        List<SlowClient> anonymous = new ArrayList<>();
        try (Steady reads = Steady.every("reads", Duration.ofMillis(100), direct("api/products/" + id), null)) {
            for (int i = 0; i < 48; i++) {
                dripping.add(SlowClient.slowHeaders(port()));
            }
            Thread drip = new Thread(() -> {
                try {
                    for (int round = 0; round < 20; round++) {
                        for (SlowClient client : dripping) {
                            client.drip();
                        }
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            drip.start();
            for (int i = 0; i < 48; i++) {
                anonymous.add(SlowClient.stalledBody(port(), "api/products", null));
            }
            for (SlowClient client : anonymous) {
                SlowClient.Answer answer = client.answer(Duration.ofSeconds(2));
                assertEquals(401, answer.status(), answer.text());
            }
            drip.join();
            System.out.println("I6 on " + Server.current() + ": " + reads);
            assertEquals(0, reads.failed(), reads.toString());
            assertTrue(reads.sent() >= 20 && reads.p99Millis() < 1000, reads.toString());
        } finally {
            for (SlowClient client : dripping) {
                client.close();
            }
            for (SlowClient client : anonymous) {
                client.close();
            }
        }
    }

    @Test
    @DisplayName("I7 1,000 malformed and forged bearer tokens and 200 bodies cut off by their clients grow the "
            + "server's log by less than 20 KB")
    void refusedTokensCannotFillTheLog() throws Exception {
        long before = logBytes();
        PrivateKey forger = Tokens.otherKeys().getPrivate();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String token = i % 2 == 0 ? "not.a-token." + i
                        : Tokens.sign(Tokens.header(), Tokens.claims("forger-" + i, "writer").build(), forger);
                answers.add(clients.submit(() -> api.as(token).post("api/products", "{" + VALID + "}").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get());
            }
        } finally {
            clients.shutdown();
        }
        for (int i = 0; i < 200; i++) {
            try (SlowClient client = SlowClient.stalledBody(port(), "api/products", Tokens.writer())) {
                Thread.sleep(5);
            }
        }
        // the servers write their logs from a queue: wait until it has stopped growing
        long[] last = {-1};
        Await.until("the log stops growing", Duration.ofSeconds(20), Duration.ofSeconds(2), () -> {
            long now = logBytes();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        System.out.println("I7 on " + Server.current() + ": the log grew by " + (last[0] - before) + " bytes for "
                + "1,000 refused tokens and 200 bodies cut off");
        assertTrue(last[0] - before < 20_000, "the log grew by " + (last[0] - before) + " bytes");
        StringBuilder log = new StringBuilder();
        for (Path file : logFiles()) {
            log.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        assertTrue(log.toString().contains("bearer token(s) refused with 401 invalid-token"),
                "the refusals are counted in the log");
    }

    private static Duration bodyTimeout() {
        return Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("REQUEST_BODY_TIMEOUT_S", "10")));
    }

    /** The server itself, not the validating proxy: these tests time the server. */
    private URI direct(String path) {
        return URI.create("http://127.0.0.1:" + port() + "/").resolve(path);
    }

    /** The server log's size, its rotated files included. */
    private static long logBytes() throws IOException {
        long bytes = 0;
        for (Path file : logFiles()) {
            bytes += Files.size(file);
        }
        return bytes;
    }

    /** The server log and its rotated files (Payara Micro's --logtofile writes name.0, name.1, ...). */
    private static List<Path> logFiles() throws IOException {
        Path named = Path.of(System.getProperty("products.it.log"));
        try (Stream<Path> logs = Files.list(named.getParent())) {
            return logs.filter(f -> f.getFileName().toString().startsWith(named.getFileName().toString())).toList();
        }
    }

    private static void assertClean(String body, String context) {
        for (String leak : List.of("Exception", "SQL", "org.postgresql", "\tat ", "<script>", "<html")) {
            assertFalse(body.contains(leak), context + " leaks " + leak + ": " + body);
        }
    }
}
