package io.concurrencydb.orders;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Orders over several products in one transaction, and the proof that they neither deadlock nor half-apply. */
class OrdersIT extends DeployedService {

    @Test
    @DisplayName("O1 O4 an order takes every line's stock, merges lines of one product, and reads back")
    void placeAndReadAnOrder() {
        JsonObject a = api.create("Order A", "1", 10);
        JsonObject b = api.create("Order B", "1", 10);

        HttpResponse<String> placed = api.post("api/orders", items(line(b, 2), line(a, 1), line(b, 3)));

        assertEquals(201, placed.statusCode(), placed.body());
        JsonObject order = Api.json(placed);
        assertEquals(List.of(a.getInt("id") + ":1", b.getInt("id") + ":5"), lines(order));
        assertTrue(placed.headers().firstValue("Location").orElseThrow().endsWith("/api/orders/" + order.getInt("id")));
        assertEquals(order, Api.json(api.get("api/orders/" + order.getInt("id"))));
        assertEquals(9, api.product(a.getInt("id")).getInt("stock_quantity"));
        assertEquals(5, api.product(b.getInt("id")).getInt("stock_quantity"));
        assertEquals(1, api.product(b.getInt("id")).getInt("version"));
    }

    @Test
    @DisplayName("O3 partial order ruled out: one short line is 409 naming it, and no line's stock changes")
    void shortLineRollsBackTheWholeOrder() {
        JsonObject plenty = api.create("Plenty", "1", 100);
        JsonObject scarce = api.create("Scarce", "1", 1);

        HttpResponse<String> refused = api.post("api/orders", items(line(plenty, 5), line(scarce, 2)));

        assertProblem(409, "/problems/insufficient-stock", refused);
        JsonObject shortLine = Api.json(refused).getJsonArray("lines").getJsonObject(0);
        assertEquals(scarce.getInt("id"), shortLine.getInt("product_id"));
        assertEquals(2, shortLine.getInt("requested"));
        assertEquals(1, shortLine.getInt("stock_quantity"));
        assertEquals(plenty, api.product(plenty.getInt("id")));
        assertEquals(scarce, api.product(scarce.getInt("id")));
    }

    @Test
    @DisplayName("O2 an unknown product is 422 naming it, checked before stock; nothing changes")
    void unknownProductIs422() {
        JsonObject scarce = api.create("Scarce too", "1", 0);

        HttpResponse<String> refused = api.post("api/orders",
                "{\"items\": [{\"product_id\": 2147483647, \"quantity\": 1}, {\"product_id\": "
                        + scarce.getInt("id") + ", \"quantity\": 5}]}");

        assertProblem(422, "/problems/unknown-product", refused);
        assertEquals(2147483647, Api.json(refused).getJsonArray("lines").getJsonObject(0).getInt("product_id"));
        assertEquals(scarce, api.product(scarce.getInt("id")));
    }

    @Test
    @DisplayName("O1 bad orders are 400 naming the line and member; unknown orders 404")
    void badOrders() {
        Map<String, String> cases = Map.of(
                "{}", "items",
                "{\"items\": []}", "items",
                "{\"items\": {}}", "items",
                "{\"items\": [1]}", "items[0]",
                "{\"items\": [{\"product_id\": 1}]}", "items[0].quantity",
                "{\"items\": [{\"product_id\": 1, \"quantity\": 0}]}", "items[0].quantity",
                "{\"items\": [{\"product_id\": 1, \"quantity\": 1}, {\"product_id\": \"2\", \"quantity\": 1}]}",
                "items[1].product_id",
                "{\"items\": [{\"product_id\": 1, \"quantity\": 1, \"price\": 3}]}", "items[0].price",
                "{\"items\": [{\"product_id\": 1, \"quantity\": 2147483647}, {\"product_id\": 1, \"quantity\": 1}]}",
                "items");
        cases.forEach((body, field) -> {
            HttpResponse<String> response = api.post("api/orders", body);
            assertProblem(400, "/problems/validation", response);
            assertEquals(field, Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"), body);
        });
        assertProblem(404, "/problems/not-found", api.get("api/orders/2147483647"));
    }

    @Test
    @DisplayName("O6 a product that orders refer to cannot be deleted: 409, nothing changed")
    void orderedProductCannotBeDeleted() {
        JsonObject product = api.create("Ordered", "1", 5);
        assertEquals(201, api.post("api/orders", items(line(product, 1))).statusCode());

        assertProblem(409, "/problems/product-in-use", api.delete("api/products/" + product.getInt("id")));
        assertEquals(4, api.product(product.getInt("id")).getInt("stock_quantity"));
    }

    @Test
    @DisplayName("O5 deadlock ruled out: 32 clients, 320 orders over 5 products in random and opposite line orders")
    void deadlockRuledOut() throws Exception {
        List<JsonObject> products = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            products.add(api.create("Contended " + i, "1", 100_000));
        }

        List<Map<Integer, Integer>> taken = Race.run(32, client -> {
            Random random = new Random(client);
            Map<Integer, Integer> mine = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                List<JsonObject> chosen = new ArrayList<>(products);
                Collections.shuffle(chosen, random);
                chosen = chosen.subList(0, 2 + random.nextInt(4));
                if (client % 2 == 1) {
                    Collections.reverse(chosen);
                }
                List<String> lines = new ArrayList<>();
                Map<Integer, Integer> quantities = new HashMap<>();
                for (JsonObject product : chosen) {
                    int quantity = 1 + random.nextInt(3);
                    lines.add(line(product, quantity));
                    quantities.put(product.getInt("id"), quantity);
                }
                HttpResponse<String> placed = api.post("api/orders", items(lines.toArray(String[]::new)));
                assertEquals(201, placed.statusCode(), placed.body());
                quantities.forEach((id, quantity) -> mine.merge(id, quantity, Integer::sum));
            }
            return mine;
        });

        Map<Integer, Integer> total = new HashMap<>();
        taken.forEach(mine -> mine.forEach((id, quantity) -> total.merge(id, quantity, Integer::sum)));
        for (JsonObject product : products) {
            int id = product.getInt("id");
            int quantity = total.getOrDefault(id, 0);
            assertEquals(100_000 - quantity, api.product(id).getInt("stock_quantity"));
            assertEquals(quantity, TestDatabaseSession.database().count(
                    "SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = ?", id));
        }
    }

    @Test
    @DisplayName("O3 oversell ruled out across orders: 20 in stock, 32 clients ordering one each with another product")
    void ordersNeverOversell() throws Exception {
        JsonObject scarce = api.create("Twenty left", "1", 20);
        JsonObject other = api.create("Side item", "1", 1000);

        List<HttpResponse<String>> responses = Race.run(32, client ->
                api.post("api/orders", client % 2 == 0
                        ? items(line(scarce, 1), line(other, 1))
                        : items(line(other, 1), line(scarce, 1))));

        assertEquals(Map.of(201, 20L, 409, 12L), Race.statusCounts(responses));
        assertEquals(0, api.product(scarce.getInt("id")).getInt("stock_quantity"));
        assertEquals(980, api.product(other.getInt("id")).getInt("stock_quantity"));
    }

    @Test
    @DisplayName("Dirty read ruled out: a reader during an uncommitted write sees the committed row")
    void dirtyReadRuledOut() throws Exception {
        JsonObject product = api.create("Committed", "1", 7);
        try (Connection writer = TestDatabaseSession.database().connect()) {
            writer.setAutoCommit(false);
            try (PreparedStatement update = writer.prepareStatement(
                    "UPDATE products SET stock_quantity = 0, version = version + 1 WHERE id = ?")) {
                update.setLong(1, product.getInt("id"));
                assertEquals(1, update.executeUpdate());
            }

            assertEquals(product, api.product(product.getInt("id")));
            writer.rollback();
        }
    }

    private static String line(JsonObject product, int quantity) {
        return "{\"product_id\": " + product.getInt("id") + ", \"quantity\": " + quantity + "}";
    }

    private static String items(String... lines) {
        return "{\"items\": [" + String.join(", ", lines) + "]}";
    }

    private static List<String> lines(JsonObject order) {
        return order.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getInt("product_id") + ":" + l.getInt("quantity")).collect(Collectors.toList());
    }
}
