package io.concurrencydb.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.Await;
import io.concurrencydb.support.Balancer;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.SecondInstance;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.SlowClient;
import io.concurrencydb.support.TestDatabaseSession;
import io.concurrencydb.support.Tokens;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database behind HAProxy, configured by the shipped docker/haproxy/haproxy.cfg: the
 * concurrency guarantees hold across instances, and the balancer answers problems of its own when none is left.
 * Not on WildFly, whose health endpoints are on the management port, which the shipped file does not check.
 */
class ScaledOutIT extends DeployedService {

    private static SecondInstance second;
    private static Balancer balancer;
    private Api through;

    @BeforeEach
    void twoInstancesBehindTheBalancer() throws Exception {
        assumeTrue(Server.current() != Server.WILDFLY, "health is on WildFly's management port");
        if (balancer == null) {
            second = SecondInstance.start();
            balancer = Balancer.start("two-instances", List.of(port(), second.port()));
        }
        through = balancer.api();
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.close();
            second.close();
        }
    }

    @Test
    @DisplayName("X1 requests alternate between the instances, also on one keep-alive connection, and say which answered")
    void requestsAlternate() {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = through.get("api/products?limit=1");
            assertEquals(200, answer.statusCode(), answer.body());
            servedBy.add(answer.headers().firstValue("X-Served-By").orElse("(none)"));
        }
        assertEquals(Set.of("products1", "products2"), new HashSet<>(servedBy), servedBy.toString());
        for (int i = 1; i < servedBy.size(); i++) {
            assertTrue(!servedBy.get(i).equals(servedBy.get(i - 1)), "round robin: " + servedBy);
        }
    }

    @Test
    @DisplayName("X2 two writers of one version on different instances: one 200, one 409")
    void oneVersionTwoWriters() throws Exception {
        long id = through.create("Contested", "1.00", 5).getJsonNumber("id").longValue();
        List<HttpResponse<String>> answers = Race.run(2, client -> through.put("api/products/" + id,
                "{\"name\": \"Writer " + client + "\", \"price\": 1, \"stock_quantity\": 5, \"version\": 0}"));
        assertEquals(Set.of(200, 409), Set.of(answers.get(0).statusCode(), answers.get(1).statusCode()),
                answers.get(0).body() + " / " + answers.get(1).body());
        assertEquals(2, answers.stream().map(a -> a.headers().firstValue("X-Served-By").orElseThrow())
                .distinct().count(), "the two writers reached different instances");
    }

    @Test
    @DisplayName("X3 20 read-modify-write clients with retry over both instances lose no update")
    void noLostUpdate() throws Exception {
        long id = through.create("Counter", "1.00", 0).getJsonNumber("id").longValue();
        List<Integer> attempts = Race.run(20, client -> {
            for (int attempt = 1; ; attempt++) {
                JsonObject product = Api.json(through.get("api/products/" + id));
                HttpResponse<String> put = through.put("api/products/" + id,
                        Api.replacement(product, product.getInt("stock_quantity") + 1));
                if (put.statusCode() == 200) {
                    return attempt;
                }
                assertEquals(409, put.statusCode(), put.body());
            }
        });
        JsonObject after = through.product(id);
        assertEquals(20, after.getInt("stock_quantity"), "retries: " + attempts);
        assertEquals(20, after.getInt("version"));
    }

    @Test
    @DisplayName("X4 20 concurrent creates with one Idempotency-Key over both instances make one product")
    void oneKeyOneProduct() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Once " + key;
        List<HttpResponse<String>> answers = Race.run(20, client -> through.send("POST", "api/products",
                BodyPublishers.ofString("{\"name\": \"" + name + "\", \"price\": 1, \"stock_quantity\": 1}"),
                "Content-Type", "application/json", "Idempotency-Key", key));
        Set<Long> ids = new HashSet<>();
        Set<String> instances = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            instances.add(answer.headers().firstValue("X-Served-By").orElseThrow());
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                ids.add(Api.json(answer).getJsonNumber("id").longValue());
            } else {
                // a request that arrives while the first is still running is told to retry
                assertEquals(409, answer.statusCode(), answer.body());
            }
        }
        assertEquals(Set.of("products1", "products2"), instances);
        assertEquals(1, ids.size(), ids.toString());
        try (Connection connection = TestDatabaseSession.database().connect();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM products WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
        }
    }

    @Test
    @DisplayName("X6 per strategy over both instances: 20 in stock, 32 takers, exactly 20 sold, none lost")
    void strategiesAcrossInstances() throws Exception {
        for (String strategy : List.of("atomic", "optimistic", "pessimistic", "serializable")) {
            long id = through.create("Scaled " + strategy, "1", 20).getJsonNumber("id").longValue();
            List<HttpResponse<String>> answers = Race.run(32, client -> through.post(
                    "api/products/" + id + "/stock-adjustments", "{\"delta\": -1, \"strategy\": \"" + strategy + "\"}"));
            // sold out exactly once: no oversell (more than 20 accepted) and no lost update (stock left over)
            assertEquals(Map.of(200, 20L, 409, 12L), Race.statusCounts(answers), strategy);
            assertServedByBoth(answers);
            JsonObject stored = through.product(id);
            assertEquals(0, stored.getInt("stock_quantity"), strategy);
            assertEquals(20, stored.getInt("version"), strategy);
        }
    }

    @Test
    @DisplayName("X7 orders naming two products in opposite orders over both instances: all placed, no deadlock")
    void ordersAcrossInstances() throws Exception {
        long a = through.create("Scaled order A", "1", 100).getJsonNumber("id").longValue();
        long b = through.create("Scaled order B", "1", 100).getJsonNumber("id").longValue();
        List<HttpResponse<String>> answers = Race.run(20, client -> {
            long first = client % 2 == 0 ? a : b;
            long second = first == a ? b : a;
            return through.post("api/orders", "{\"items\": [{\"product_id\": " + first + ", \"quantity\": 1}, "
                    + "{\"product_id\": " + second + ", \"quantity\": 2}]}");
        });
        assertEquals(Map.of(201, 20L), Race.statusCounts(answers));
        assertServedByBoth(answers);
        // ten orders took 1 of a and 2 of b, ten the reverse
        assertEquals(70, through.product(a).getInt("stock_quantity"));
        assertEquals(70, through.product(b).getInt("stock_quantity"));
    }

    private static void assertServedByBoth(List<HttpResponse<String>> answers) {
        assertEquals(Set.of("products1", "products2"), answers.stream()
                .map(answer -> answer.headers().firstValue("X-Served-By").orElseThrow()).collect(Collectors.toSet()));
    }

    @Test
    @DisplayName("X8 a request body that stops arriving is answered 408 by the balancer and never reaches an instance")
    void stalledBodyStopsAtTheBalancer() throws Exception {
        try (SlowClient client = SlowClient.stalledBody(balancer.port(), "api/products", Tokens.writer())) {
            SlowClient.Answer answer = client.answer(Duration.ofSeconds(20));
            assertEquals(408, answer.status(), answer.text());
            assertEquals("/problems/request-timeout", Api.json(answer.body()).getString("type"));
            assertFalse(answer.text().contains("X-Served-By"), "no instance answered: " + answer.text());
        }
        // HAProxy logs the request as ended before any server was chosen
        Await.until("HAProxy logs the 408", Duration.ofSeconds(5), Duration.ofMillis(100),
                () -> Files.readAllLines(balancer.log()).stream()
                        .anyMatch(line -> line.contains("products/<NOSRV>") && line.contains(" 408 ")));
    }

    @Test
    @DisplayName("X5 with no instance answering, the balancer answers a 503 problem with Retry-After")
    void noInstanceLeft() throws Exception {
        int closed;
        try (ServerSocket unused = new ServerSocket(0)) {
            closed = unused.getLocalPort();
        }
        try (Balancer empty = Balancer.start("no-instances", List.of(closed))) {
            HttpResponse<String> answer = empty.api().get("api/products/1");
            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("/problems/service-unavailable", Api.json(answer).getString("type"));
        }
    }
}
