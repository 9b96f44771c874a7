package io.concurrencydb.stock;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
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
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stock adjustments: the rules, and the proof that no strategy loses an update or oversells under load. */
class StockAdjustmentsIT extends DeployedService {

    private static final List<String> STRATEGIES = List.of("atomic", "optimistic", "pessimistic", "serializable");
    private static final int CLIENTS = 32;

    @Test
    @DisplayName("S2 every strategy answers the product as the adjustment left it, version + 1, with its ETag")
    void eachStrategyAdjusts() {
        for (String strategy : STRATEGIES) {
            long id = api.create("Adjusted " + strategy, "1", 10).getInt("id");

            HttpResponse<String> response = adjust(id, -3, strategy);

            assertEquals(200, response.statusCode(), strategy + ": " + response.body());
            JsonObject product = Api.json(response);
            assertEquals(7, product.getInt("stock_quantity"), strategy);
            assertEquals(1, product.getInt("version"), strategy);
            assertEquals("\"1\"", response.headers().firstValue("ETag").orElse(""), strategy);
            assertEquals(product, api.product(id), strategy);
        }
        long id = api.create("Default strategy", "1", 1).getInt("id");
        assertEquals(200, api.post("api/products/" + id + "/stock-adjustments", "{\"delta\": 4}").statusCode());
        assertEquals(5, api.product(id).getInt("stock_quantity"));
    }

    @Test
    @DisplayName("S2 taking more than is in stock is 409 insufficient-stock with the stock and version, nothing changed")
    void insufficientStockIs409() {
        for (String strategy : STRATEGIES) {
            long id = api.create("Short " + strategy, "1", 2).getInt("id");

            HttpResponse<String> response = adjust(id, -3, strategy);

            assertProblem(409, "/problems/insufficient-stock", response);
            assertEquals(2, Api.json(response).getInt("stock_quantity"), strategy);
            assertEquals(0, Api.json(response).getInt("version"), strategy);
            assertEquals(0, api.product(id).getInt("version"), strategy);
        }
    }

    @Test
    @DisplayName("S1 S2 bad adjustments are 400, past 2147483647 is 422, an unknown product 404")
    void badAdjustments() {
        long id = api.create("Bounded", "1", Integer.MAX_VALUE - 1).getInt("id");
        Map<String, String> bad = Map.of(
                "{\"delta\": 0}", "delta",
                "{}", "delta",
                "{\"delta\": 1.5}", "delta",
                "{\"delta\": \"1\"}", "delta",
                "{\"delta\": 2147483648}", "delta",
                "{\"delta\": 1, \"strategy\": \"optimistical\"}", "strategy",
                "{\"delta\": 1, \"strategy\": 1}", "strategy",
                "{\"delta\": 1, \"speed\": \"fast\"}", "speed");
        bad.forEach((body, field) -> {
            HttpResponse<String> response = api.post("api/products/" + id + "/stock-adjustments", body);
            assertProblem(400, "/problems/validation", response);
            assertEquals(field, Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"), body);
        });
        for (String strategy : STRATEGIES) {
            assertProblem(422, "/problems/stock-out-of-range", adjust(id, 2, strategy));
            assertProblem(404, "/problems/not-found", adjust(2147483647, 1, strategy));
        }
        assertEquals(0, api.product(id).getInt("version"));
    }

    @Test
    @DisplayName("S3 lost update ruled out: 32 clients, 320 mixed adjustments per strategy, the stock adds up exactly")
    void lostUpdateRuledOut() throws Exception {
        for (String strategy : STRATEGIES) {
            int start = 100;
            long id = api.create("Lost update " + strategy, "1", start).getInt("id");

            List<List<int[]>> outcomes = Race.run(CLIENTS, client -> {
                Random random = new Random(client);
                List<int[]> mine = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    int delta = random.nextBoolean() ? -(1 + random.nextInt(3)) : 1 + random.nextInt(2);
                    mine.add(new int[] {delta, adjust(id, delta, strategy).statusCode()});
                }
                return mine;
            });

            List<int[]> all = outcomes.stream().flatMap(List::stream).toList();
            assertTrue(all.stream().allMatch(o -> o[1] == 200 || o[1] == 409),
                    () -> strategy + ": only 200 and 409 expected, got "
                            + all.stream().map(o -> o[1]).distinct().toList());
            List<int[]> accepted = all.stream().filter(o -> o[1] == 200).toList();
            int sum = accepted.stream().mapToInt(o -> o[0]).sum();
            JsonObject stored = api.product(id);
            assertEquals(start + sum, stored.getInt("stock_quantity"), strategy);
            assertEquals(accepted.size(), stored.getInt("version"), strategy);
        }
    }

    @Test
    @DisplayName("S3 oversell ruled out: 50 in stock, 32 clients taking one 160 times per strategy, exactly 50 sold")
    void oversellRuledOut() throws Exception {
        for (String strategy : STRATEGIES) {
            long id = api.create("Oversell " + strategy, "1", 50).getInt("id");

            List<HttpResponse<String>> responses = Race.run(CLIENTS, client -> {
                List<HttpResponse<String>> mine = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    mine.add(adjust(id, -1, strategy));
                }
                return mine;
            }).stream().flatMap(List::stream).toList();

            assertEquals(Map.of(200, 50L, 409, 110L), Race.statusCounts(responses), strategy);
            JsonObject stored = api.product(id);
            assertEquals(0, stored.getInt("stock_quantity"), strategy);
            assertEquals(50, stored.getInt("version"), strategy);
        }
    }

    @Test
    @DisplayName("S4 under contention the optimistic and serializable strategies retry, and every adjustment lands")
    void retriesAreVisible() throws Exception {
        for (String strategy : List.of("optimistic", "serializable")) {
            long id = api.create("Retried " + strategy, "1", 0).getInt("id");

            List<HttpResponse<String>> responses = Race.run(CLIENTS, client -> adjust(id, 1, strategy));

            int attempts = responses.stream()
                    .mapToInt(r -> Integer.parseInt(r.headers().firstValue("Stock-Adjustment-Attempts").orElse("0")))
                    .sum();
            assertEquals(Map.of(200, (long) CLIENTS), Race.statusCounts(responses), strategy);
            assertTrue(attempts > CLIENTS, strategy + ": " + attempts + " attempts for " + CLIENTS + " adjustments");
            assertEquals(CLIENTS, api.product(id).getInt("stock_quantity"), strategy);
        }
    }

    private HttpResponse<String> adjust(long id, int delta, String strategy) {
        return api.post("api/products/" + id + "/stock-adjustments",
                "{\"delta\": " + delta + ", \"strategy\": \"" + strategy + "\"}");
    }
}
