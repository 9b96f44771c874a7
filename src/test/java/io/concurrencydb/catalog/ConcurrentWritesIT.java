package io.concurrencydb.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Race;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The original service's concurrency scenarios, with real concurrent HTTP clients against the deployed WAR. */
class ConcurrentWritesIT extends DeployedService {

    @Test
    @DisplayName("C3 two clients writing the same version: exactly one 200 and one 409")
    void twoClientsWithTheSameVersion() throws Exception {
        JsonObject product = api.create("Contended", "10", 100);

        Map<Integer, Long> statuses = Race.statusCounts(Race.run(2,
                client -> api.put("api/products/" + product.getInt("id"), Api.replacement(product, client))));

        assertEquals(Map.of(200, 1L, 409, 1L), statuses);
        assertEquals(1, api.product(product.getInt("id")).getInt("version"));
    }

    @Test
    @DisplayName("C3 twenty concurrent PUTs with one version: exactly one wins")
    void twentyWritersOneVersion() throws Exception {
        JsonObject product = api.create("Twenty writers", "10", 100);

        List<HttpResponse<String>> responses = Race.run(20,
                client -> api.put("api/products/" + product.getInt("id"), Api.replacement(product, client)));

        assertEquals(Map.of(200, 1L, 409, 19L), Race.statusCounts(responses));
        int winner = responses.stream().filter(r -> r.statusCode() == 200)
                .mapToInt(r -> Api.json(r).getInt("stock_quantity")).findFirst().orElseThrow();
        JsonObject stored = api.product(product.getInt("id"));
        assertEquals(winner, stored.getInt("stock_quantity"));
        assertEquals(1, stored.getInt("version"));
    }

    @Test
    @DisplayName("C3 twenty clients adding one each by read-modify-write with retry: no update is lost")
    void readModifyWriteWithRetryLosesNothing() throws Exception {
        long id = api.create("Counter", "1", 0).getInt("id");

        Race.run(20, client -> retryUntilWritten(id, stock -> stock + 1));

        JsonObject stored = api.product(id);
        assertEquals(20, stored.getInt("stock_quantity"));
        assertEquals(20, stored.getInt("version"));
    }

    @Test
    @DisplayName("C3 five in stock and twenty concurrent buyers: exactly five sold, never below zero")
    void twentyBuyersForFiveItems() throws Exception {
        long id = api.create("Scarce", "99", 5).getInt("id");

        List<HttpResponse<String>> purchases = Race.run(20, client -> retryUntilWritten(id, stock -> stock - 1));

        long sold = purchases.stream().filter(r -> r != null && r.statusCode() == 200).count();
        JsonObject stored = api.product(id);
        assertEquals(5, sold);
        assertEquals(0, stored.getInt("stock_quantity"));
        assertEquals(5, stored.getInt("version"));
    }

    @Test
    @DisplayName("Hundreds of mixed requests from 64 clients: no 5xx, the pool waits instead of failing")
    void mixedLoadAtConcurrency64() throws Exception {
        JsonObject hot = api.create("Hot", "5", 1000);
        long id = hot.getInt("id");

        List<HttpResponse<String>> responses = Race.run(64, client -> {
            List<HttpResponse<String>> mine = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                mine.add(switch ((client + i) % 4) {
                    case 0 -> api.get("api/products/" + id);
                    case 1 -> api.get("api/products?limit=20");
                    case 2 -> api.post("api/products", "{\"name\": \"Load\", \"price\": 1, \"stock_quantity\": 1}");
                    default -> api.put("api/products/" + id, Api.replacement(api.product(id), client));
                });
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertEquals(384, responses.size());
        Map<Integer, Long> statuses = Race.statusCounts(responses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses::toString);
    }

    @Test
    @DisplayName("C3 a reader during writes sees the old row or the new one, never a mix")
    void readersNeverSeeAHalfWrittenRow() throws Exception {
        JsonObject product = api.create("State A", "1.00", 1);
        long id = product.getInt("id");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> writes = writer.submit(() -> {
            int done = 0;
            try {
                for (; done < 60; done++) {
                    boolean a = done % 2 == 1;
                    JsonObject current = api.product(id);
                    String body = "{\"name\": \"%s\", \"price\": %s, \"stock_quantity\": %d, \"version\": %d}"
                            .formatted(a ? "State A" : "State B", a ? "1.00" : "2.00", a ? 1 : 2,
                                    current.getInt("version"));
                    assertEquals(200, api.put("api/products/" + id, body).statusCode());
                }
            } finally {
                writing.set(false);
            }
            return done;
        });

        List<String> reads = Race.run(8, client -> {
            List<String> seen = new ArrayList<>();
            while (writing.get()) {
                JsonObject read = api.product(id);
                seen.add(read.getString("name") + "|" + read.getJsonNumber("price").bigDecimalValue()
                        .stripTrailingZeros().toPlainString() + "|" + read.getInt("stock_quantity"));
            }
            return seen;
        }).stream().flatMap(List::stream).toList();

        assertEquals(60, writes.get(2, TimeUnit.MINUTES));
        writer.shutdown();
        assertTrue(reads.size() > 0);
        assertTrue(reads.stream().allMatch(r -> r.equals("State A|1|1") || r.equals("State B|2|2")),
                () -> reads.stream().filter(r -> !r.equals("State A|1|1") && !r.equals("State B|2|2"))
                        .findFirst().orElse(""));
    }

    /** Reads, changes the stock and writes with the version read; on 409 reads again. Gives up when stock is 0. */
    private HttpResponse<String> retryUntilWritten(long id, Function<Integer, Integer> change) {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonObject current = api.product(id);
            int stock = change.apply(current.getInt("stock_quantity"));
            if (stock < 0) {
                return null;
            }
            HttpResponse<String> response = api.put("api/products/" + id, Api.replacement(current, stock));
            if (response.statusCode() != 409) {
                assertEquals(200, response.statusCode(), response.body());
                return response;
            }
        }
        throw new AssertionError("no write got through in 200 attempts");
    }
}
