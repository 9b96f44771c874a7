package io.concurrencydb.platform;

import static io.concurrencydb.support.Prometheus.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.Await;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Packages;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.TestDatabaseSession;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What operators see on /metrics: request timers, the service's own counters, and the JDBC pool. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT extends DeployedService {

    /** The prefixes of every series the service itself defines; the rest of /metrics is the runtime's. */
    private static final List<String> SERVICE_METRICS = List.of("http_requests_seconds", "problems_total",
            "version_conflicts_total", "precondition_failures_total", "idempotent_replays_total",
            "orders_placed_total", "orders_rejected_total", "stock_adjustments_total", "db_pool_");

    @Test
    @DisplayName("M1 conflicts, preconditions, replays, stock outcomes per strategy and orders are counted exactly")
    void serviceCountersCountExactly() {
        long id = api.create("Counted", "1", 1).getInt("id");
        String before = metrics();

        api.put("api/products/" + id, "{\"name\": \"C\", \"price\": 1, \"stock_quantity\": 1, \"version\": 7}");
        api.send("PUT", "api/products/" + id, BodyPublishers.ofString("{\"name\": \"C\", \"price\": 1, \"stock_quantity\": 1}"),
                "Content-Type", "application/json", "If-Match", "\"7\"");
        api.put("api/products/" + id, "{\"name\": \"C\", \"price\": 1, \"stock_quantity\": 1}");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            api.send("POST", "api/products", BodyPublishers.ofString("{\"name\": \"R\", \"price\": 1, \"stock_quantity\": 1}"),
                    "Content-Type", "application/json", "Idempotency-Key", key);
        }
        for (String strategy : new String[] {"atomic", "optimistic", "pessimistic", "serializable"}) {
            adjust(id, 1, strategy);
            adjust(id, -100, strategy);
        }
        api.post("api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1}]}");
        api.post("api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1000}]}");
        api.post("api/orders", "{\"items\": [{\"product_id\": 2147483647, \"quantity\": 1}]}");
        String after = metrics();

        assertEquals(1, delta(before, after, "version_conflicts_total"));
        assertEquals(1, delta(before, after, "precondition_failures_total", "status", "412"));
        assertEquals(1, delta(before, after, "precondition_failures_total", "status", "428"));
        assertEquals(2, delta(before, after, "idempotent_replays_total"));
        for (String strategy : new String[] {"atomic", "optimistic", "pessimistic", "serializable"}) {
            assertEquals(1, delta(before, after, "stock_adjustments_total", "outcome", "accepted", "strategy", strategy));
            assertEquals(1, delta(before, after, "stock_adjustments_total", "outcome", "rejected", "strategy", strategy));
        }
        assertEquals(1, delta(before, after, "orders_placed_total"));
        assertEquals(1, delta(before, after, "orders_rejected_total", "reason", "insufficient-stock"));
        assertEquals(1, delta(before, after, "orders_rejected_total", "reason", "unknown-product"));
    }

    @Test
    @DisplayName("M2 every endpoint is timed per method and status")
    void requestsAreTimedPerEndpoint() {
        long id = api.create("Timed", "1", 1).getInt("id");
        String before = metrics();

        for (int i = 0; i < 5; i++) {
            api.get("api/products/" + id);
        }
        api.get("api/products/abc");
        String after = metrics();

        assertEquals(5, delta(before, after, "http_requests_seconds_count",
                "endpoint", "/api/products/{id}", "method", "GET", "status", "200"));
        assertEquals(1, delta(before, after, "http_requests_seconds_count",
                "endpoint", "/api/products/{id}", "method", "GET", "status", "400"));
    }

    @Test
    @DisplayName("M3 retries under contention are counted, and the JDBC pool's own figures are published")
    void retriesAndPoolFigures() throws Exception {
        long id = api.create("Contended", "1", 0).getInt("id");
        String before = metrics();

        Race.run(16, client -> adjust(id, 1, "optimistic").statusCode());
        String after = metrics();

        assertTrue(delta(before, after, "stock_adjustments_total", "outcome", "retried", "strategy", "optimistic") > 0);
        if (Server.current().keepsPoolFigure("db_pool_connections_acquired")) {
            assertTrue(delta(before, after, "db_pool_connections_acquired") >= 16);
        }
        // open connections were counted when they were opened, including those opened before the first scrape
        // (the lazy-AMX regression on Payara read 0 opened with 2 open). Not asserted on WildFly yet: CI there read stale gauges of an
        // earlier deployment (NaN once collected; MicrometerMetrics now removes them) and the invariant has not
        // been re-checked since. A figure that cannot be read is logged by the server, and read again here.
        AtomicReference<String> read = new AtomicReference<>(after);
        Await.within(Duration.ofSeconds(5), Duration.ofMillis(200),
                () -> value(read.updateAndGet(last -> metrics()), "db_pool_connections_opened") >= 0);
        String pool = read.get();
        String poolLines = pool.lines().filter(line -> line.startsWith("db_pool_")).toList().toString();
        assertTrue(value(pool, "db_pool_connections_opened") >= 0, "db_pool_connections_opened is read: " + poolLines);
        if (Server.current() != Server.WILDFLY) {
            // not "opened >= free + in use": Payara keeps free as a counter its probes move up and down, and CI
            // once read 17 free of a pool of at most 16, with 16 opened
            double open = value(pool, "db_pool_connections_free") + value(pool, "db_pool_connections_in_use");
            assertTrue(open == 0 || value(pool, "db_pool_connections_opened") > 0, poolLines);
        }
        for (String gauge : new String[] {"db_pool_connections_in_use", "db_pool_connections_free",
                "db_pool_wait_queue_length", "db_pool_potential_leaks", "db_pool_wait_timeouts"}) {
            assertTrue(pool.lines().anyMatch(line -> line.startsWith(gauge + "{") || line.startsWith(gauge + " ")),
                    gauge + " is published");
            if (Server.current().keepsPoolFigure(gauge)) {
                assertTrue(value(pool, gauge) >= 0, gauge + " is read from the pool: " + poolLines);
            } else {
                assertEquals(-1, value(pool, gauge), gauge + " has no counterpart on " + Server.current());
            }
        }
    }

    @Test
    @Order(1) // first: the timers are created by the first requests after the deployment
    @DisplayName("M6 the first requests of many kinds at once all get their answer, the writes among them with a "
            + "writer's token are all accepted, and a method a client makes up adds no series of its own")
    void firstRequestsOfManyKindsAtOnce() throws Exception {
        String json = "application/json";
        List<String[]> kinds = List.of(
                new String[] {"GET", "api/products/2147483647", null}, new String[] {"HEAD", "api/products/2147483647", null},
                new String[] {"DELETE", "api/products/2147483647", null}, new String[] {"GET", "api/orders/2147483647", null},
                new String[] {"GET", "api/products?limit=x", null}, new String[] {"GET", "api/products/events?limit=0", null},
                new String[] {"POST", "api/products", "text/plain"}, new String[] {"POST", "api/orders", "text/plain"},
                new String[] {"PUT", "api/products/1", "text/plain"}, new String[] {"PATCH", "api/products/1", "text/plain"},
                new String[] {"POST", "api/products/1/stock-adjustments", "text/plain"},
                new String[] {"OPTIONS", "api/products", null}, new String[] {"PUT", "api/products", json},
                new String[] {"PATCH", "api/orders", json}, new String[] {"DELETE", "api/orders", null},
                new String[] {"POST", "api/products/1", json});
        // a fresh instance behind a balancer meets authenticated writes at once: on Payara Micro 7 the first such
        // burst was once refused whole (401), so these creates must all be 201
        int creates = 32;
        List<HttpResponse<String>> answers = Race.run(creates + 2 * kinds.size(), client -> {
            if (client < creates) {
                return api.post("api/products", "{\"name\": \"first " + client + "\", \"price\": 1, "
                        + "\"stock_quantity\": 1}");
            }
            String[] kind = kinds.get(client % kinds.size());
            return kind[2] == null ? api.send(kind[0], kind[1], BodyPublishers.noBody())
                    : api.send(kind[0], kind[1], BodyPublishers.ofString("{}"), "Content-Type", kind[2]);
        });
        for (int i = 0; i < creates; i++) {
            assertEquals(201, answers.get(i).statusCode(), "POST api/products: " + answers.get(i).body());
        }
        for (int i = creates; i < answers.size(); i++) {
            assertTrue(answers.get(i).statusCode() < 500,
                    String.join(" ", kinds.get(i % kinds.size())) + ": " + answers.get(i).body());
        }

        for (int i = 0; i < 5; i++) {
            assertEquals(405, api.send("MADE-UP-" + UUID.randomUUID(), "api/products/1", BodyPublishers.noBody())
                    .statusCode());
        }
        String after = metrics();
        assertFalse(after.contains("MADE-UP-"), "a made-up method is no series of its own");
        assertTrue(value(after, "http_requests_seconds_count", "endpoint", "unmatched", "method", "other",
                "status", "405") >= 5);
    }

    @Test
    @DisplayName("M5 request timers are in seconds, as their names say: a request held 1.5 s on a row lock adds "
            + "about 1.5 to _sum, sets _max, and lands in the bucket up to 2.5 s, not the one up to 1 s")
    void timersAreInSeconds() throws Exception {
        long id = api.create("Slow", "1", 10).getInt("id");
        String before = metrics();
        HttpResponse<String> held;
        try (Connection lock = TestDatabaseSession.database().connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("SELECT id FROM products WHERE id = " + id + " FOR UPDATE");
            }
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                    () -> adjust(id, 1, "pessimistic"));
            Thread.sleep(1500);
            lock.commit();
            held = waiting.get(30, TimeUnit.SECONDS);
        }
        assertEquals(200, held.statusCode(), held.body());
        String after = metrics();

        String[] tags = {"endpoint", "/api/products/{id}/stock-adjustments", "method", "POST", "status", "200"};
        double sum = delta(before, after, "http_requests_seconds_sum", tags);
        assertTrue(sum >= 1.3 && sum < 10, "_sum grew by " + sum + " (seconds expected)");
        double max = value(after, "http_requests_seconds_max", tags);
        assertTrue(max >= 1.3 && max < 10, "_max is " + max + " (seconds expected)");
        if (Server.current() != Server.WILDFLY) {
            // Payara: a histogram with bounds in seconds, and no quantiles (see microprofile-config.properties)
            assertEquals(0, delta(before, after, "http_requests_seconds_bucket", add(tags, "le", "1.0")));
            assertEquals(1, delta(before, after, "http_requests_seconds_bucket", add(tags, "le", "2.5")));
            assertFalse(after.lines().anyMatch(line -> line.startsWith("http_requests_seconds{")
                    && line.contains("quantile=")), "no quantiles in nanoseconds");
            // Payara 7.2026.6 and later print no _mean; where one is printed it is in seconds too
            if (after.contains("http_requests_seconds_mean{")) {
                double mean = value(after, "http_requests_seconds_mean", tags);
                assertTrue(mean > 0 && mean < 10, "_mean is " + mean + " (seconds expected)");
            }
        }
    }

    private static String[] add(String[] tags, String name, String value) {
        String[] more = java.util.Arrays.copyOf(tags, tags.length + 2);
        more[tags.length] = name;
        more[tags.length + 1] = value;
        return more;
    }

    @Test
    @DisplayName("M4 the database password appears in no response, not in the WAR, not in the server's log")
    void passwordNeverLeaks() throws Exception {
        String password = System.getenv("DB_PASSWORD");
        assumeTrue(password != null && !password.isEmpty(), "the server was given a password");

        for (String path : new String[] {"openapi", "api/products?limit=1", "api/nothing"}) {
            assertFalse(api.get(path).body().contains(password), path);
        }
        assertFalse(api.metrics().body().contains(password), "metrics");
        assertFalse(api.health("health").body().contains(password), "health");
        assertFalse(new String(Files.readAllBytes(Path.of("target/products.war")), StandardCharsets.ISO_8859_1)
                .contains(password), "the WAR");
        // Payara Micro's --logtofile writes <name>.0, <name>.1, ... (a java.util.logging file pattern)
        Path named = Path.of(System.getProperty("products.it.log"));
        StringBuilder serverLog = new StringBuilder();
        try (Stream<Path> logs = Files.list(named.getParent())) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith(named.getFileName().toString())).toList()) {
                serverLog.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(serverLog.toString().contains(Server.current().logMarker()), "this is the server's log");
        assertFalse(serverLog.toString().contains(password), "the server's log");
    }

    @Test
    @DisplayName("M7 promtool check metrics finds nothing wrong with the service's own metrics: each has its HELP "
            + "line (not on WildFly 39) and a name Prometheus accepts (findings on the runtime's own are the server's)")
    void promtoolAcceptsTheServicesMetrics() throws Exception {
        Packages.ensure(Path.of("/usr/bin/promtool"), "prometheus");
        // one of each kind of series the service publishes
        long id = api.create("Linted", "1", 5).getInt("id");
        api.put("api/products/" + id, "{\"name\": \"Linted\", \"price\": 1, \"stock_quantity\": 5, \"version\": 7}");
        adjust(id, -1, "atomic");
        api.post("api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1}]}");
        api.post("api/orders", "{\"items\": [{\"product_id\": " + id + ", \"quantity\": 1000}]}");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            api.send("POST", "api/products", BodyPublishers.ofString("{\"name\": \"Once\", \"price\": 1, "
                    + "\"stock_quantity\": 1}"), "Content-Type", "application/json", "Idempotency-Key", key);
        }
        api.send("DELETE", "api/products/" + id, BodyPublishers.noBody(), "If-Match", "\"99\"");
        String exposition = metrics();
        for (String name : SERVICE_METRICS) {
            assertTrue(exposition.lines().anyMatch(line -> line.startsWith(name)), name + " is published");
        }

        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var stdin = promtool.getOutputStream()) {
            stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool ends");
        List<String> ours = findings.lines()
                .filter(line -> SERVICE_METRICS.stream().anyMatch(line::startsWith))
                .filter(line -> Server.current().describesMetrics() || !line.endsWith(" no help text"))
                // Payara before 7.2026.6 derives a _mean gauge from every timer and writes no HELP for it
                .filter(line -> !line.equals("http_requests_seconds_mean no help text")).toList();
        assertEquals(List.of(), ours, "promtool's findings on the service's metrics (all findings:\n" + findings + ")");
    }

    private HttpResponse<String> adjust(long id, int delta, String strategy) {
        return api.post("api/products/" + id + "/stock-adjustments",
                "{\"delta\": " + delta + ", \"strategy\": \"" + strategy + "\"}");
    }

    private String metrics() {
        HttpResponse<String> metrics = api.metrics();
        assertEquals(200, metrics.statusCode(), metrics.body());
        return metrics.body();
    }

    private static double delta(String before, String after, String name, String... tags) {
        return value(after, name, tags) - value(before, name, tags);
    }
}
