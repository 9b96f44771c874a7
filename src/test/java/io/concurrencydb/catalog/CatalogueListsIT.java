package io.concurrencydb.catalog;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lists at any size: cursors that concurrent writers cannot fool, an exact total, filters and sorts. */
class CatalogueListsIT extends DeployedService {

    private static final int WRITERS = 16;

    @Test
    @DisplayName("C7 walks by cursor while 16 writers create and delete: every product that existed throughout is "
            + "seen exactly once, in the sort's order, for four sorts and a filter")
    void cursorWalksCannotBeFooled() throws Exception {
        String tag = tag();
        List<Long> stable = new ArrayList<>();
        List<Long> victims = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            long id = api.create(tag + " " + (char) ('a' + i % 26) + i, price(i), i % 3).getInt("id");
            (i % 3 == 0 ? victims : stable).add(id);
        }
        Map<String, String> walked = new LinkedHashMap<>();
        int writes = 0;
        List<String> sorts = List.of("id", "-price", "name", "-updated_at");
        for (int s = 0; s < sorts.size(); s++) {
            String sort = sorts.get(s);
            List<Long> mine = victims.subList(s * 20, s * 20 + 20);
            AtomicInteger next = new AtomicInteger();
            List<List<JsonObject>> walks = new ArrayList<>();
            List<Integer> done = whileWriting(writer -> () -> {
                int made = 0;
                for (int n = 0; n < 10; n++) {
                    api.create(tag + " new " + sort + writer + "-" + n, price(n), n % 2);
                    int victim = next.getAndIncrement();
                    if (victim < mine.size()) {
                        assertEquals(204, api.delete("api/products/" + mine.get(victim)).statusCode());
                        made++;
                    }
                    made++;
                }
                return made;
            }, () -> walks.add(walk("api/products?limit=7&sort=" + sort + "&name=" + encode(tag))));
            writes += done.stream().mapToInt(Integer::intValue).sum();
            List<JsonObject> seen = walks.get(0);
            List<Long> ids = seen.stream().map(p -> (long) p.getInt("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": no product twice");
            assertTrue(ids.containsAll(stable), sort + ": every product that existed throughout");
            assertInDatabaseOrder(ids, sort);
            walked.put(sort, ids.size() + " seen");
        }
        System.out.printf("cursor walks over %d products that existed throughout, during %d writes: %s; skipped 0, "
                + "repeated 0%n", stable.size(), writes, walked);
    }

    @Test
    @DisplayName("C7 the same interleaving of writes fools a walk by offset (it skips and repeats) and not one "
            + "by cursor")
    void offsetWalksAreFooled() {
        String tag = tag();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add((long) api.create(tag + " " + i, "1", 1).getInt("id"));
        }
        String list = "api/products?limit=10&name=" + encode(tag);

        // deleting 3 products of the first page moves 3 of the second onto it: the walk by offset skips them
        JsonObject first = Api.json(api.get(list + "&offset=0"));
        JsonObject cursorFirst = Api.json(api.get(list));
        for (long id : ids.subList(0, 3)) {
            assertEquals(204, api.delete("api/products/" + id).statusCode());
        }
        Set<Long> byOffset = idsOf(first, Api.json(api.get(list + "&offset=10")));
        Set<Long> byCursor = idsOf(cursorFirst, Api.json(api.get(list + "&after=" + cursorFirst.getString("next"))));
        List<Long> expected = ids.subList(3, 20);
        long skipped = expected.stream().filter(id -> !byOffset.contains(id)).count();
        assertEquals(3, skipped, "the walk by offset skipped the products that moved to the first page");
        assertTrue(byCursor.containsAll(expected), "the walk by cursor skipped nothing");

        // newest first, 4 new products push 4 of the first page onto the second: the walk by offset repeats them
        String newest = list + "&sort=-id";
        JsonObject top = Api.json(api.get(newest + "&offset=0"));
        JsonObject cursorTop = Api.json(api.get(newest));
        for (int i = 0; i < 4; i++) {
            api.create(tag + " late " + i, "1", 1);
        }
        List<Long> offsetTwice = new ArrayList<>(idsOf(top));
        offsetTwice.addAll(idsOf(Api.json(api.get(newest + "&offset=10"))));
        List<Long> cursorTwice = new ArrayList<>(idsOf(cursorTop));
        cursorTwice.addAll(idsOf(Api.json(api.get(newest + "&after=" + cursorTop.getString("next")))));
        long repeated = offsetTwice.size() - new HashSet<>(offsetTwice).size();
        assertEquals(4, repeated, "the walk by offset showed the pushed products twice");
        assertEquals(cursorTwice.size(), new HashSet<>(cursorTwice).size(), "the walk by cursor repeated nothing");
        System.out.printf("offset walk: skipped %d, repeated %d; cursor walk: skipped 0, repeated 0%n", skipped,
                repeated);
    }

    @Test
    @DisplayName("C8 total equals count(*) in every snapshot while 16 clients create and delete, refused deletes "
            + "among them, and in every page read meanwhile")
    void totalIsExactUnderConcurrency() throws Exception {
        String tag = tag();
        long ordered = api.create(tag + " ordered", "1", 1000).getInt("id");
        assertEquals(201, api.post("api/orders", "{\"items\": [{\"product_id\": " + ordered + ", \"quantity\": 1}]}")
                .statusCode());
        AtomicBoolean running = new AtomicBoolean(true);
        int[] checks = new int[1];
        List<Integer> refusals = whileWriting(writer -> () -> {
            int refused = 0;
            for (int n = 0; running.get(); n++) {
                long id = api.create(tag + " " + writer + "-" + n, "1", 1).getInt("id");
                if (n % 2 == 0) {
                    api.delete("api/products/" + id);
                }
                if (n % 5 == 0 && api.delete("api/products/" + ordered).statusCode() == 409) {
                    refused++;  // the delete's statement failed: its count was rolled back with it
                }
            }
            return refused;
        }, () -> {
            try (Connection connection = TestDatabaseSession.database().connect();
                 Statement statement = connection.createStatement()) {
                long until = System.nanoTime() + 8_000_000_000L;
                while (System.nanoTime() < until) {
                    try (ResultSet row = statement.executeQuery(
                            "SELECT (SELECT sum(n) FROM product_counts), (SELECT count(*) FROM products)")) {
                        row.next();
                        assertEquals(row.getLong(2), row.getLong(1), "the counted total in one snapshot");
                    }
                    JsonObject page = Api.json(api.get("api/products?limit=1&sort=-id"));
                    assertTrue(page.getJsonNumber("total").longValue() > 0);
                    checks[0]++;
                }
            } finally {
                running.set(false);
            }
            return null;
        });
        int refused = refusals.stream().mapToInt(Integer::intValue).sum();
        long total = Api.json(api.get("api/products?limit=1")).getJsonNumber("total").longValue();
        assertEquals(TestDatabaseSession.database().count("SELECT count(*) FROM products"), total);
        assertTrue(refused > 0, "some deletes were refused and rolled back");
        System.out.printf("total: %d snapshot checks and pages during the writes, %d refused deletes, all exact%n",
                checks[0], refused);
    }

    @Test
    @DisplayName("C6 filters (name contains, ignoring case; price range; in stock) and sorts compose with each "
            + "other and with the cursor; an empty result has no next")
    void filtersAndSorts() {
        String tag = tag();
        api.create(tag + " Blue Pen", "1.50", 10);
        api.create(tag + " red pen", "2.00", 0);
        api.create(tag + " Blue Ink", "7.25", 3);
        api.create(tag + " Pencil", "0.99", 5);
        String list = "api/products?name=" + encode(tag);

        assertEquals(List.of(tag + " Blue Ink", tag + " Blue Pen"),
                names(list.replace(encode(tag), encode(tag.toUpperCase() + " blue")) + "&sort=name"));
        assertEquals(List.of(tag + " red pen", tag + " Blue Pen", tag + " Pencil"),
                names(list + "&sort=-price&max_price=2"));
        assertEquals(List.of(tag + " Pencil", tag + " Blue Pen", tag + " Blue Ink"),
                names(list + "&in_stock=true&sort=price"));
        assertEquals(List.of(tag + " red pen"), names(list + "&in_stock=false"));
        assertEquals(List.of(tag + " Blue Pen", tag + " red pen"), names(list + "&min_price=1.5&max_price=2.00"));
        JsonObject filtered = Api.json(api.get(list));
        assertTrue(filtered.isNull("total"), "a filtered page has no total");
        assertTrue(Api.json(api.get("api/products?limit=1&total=false")).isNull("total"));

        List<String> walked = new ArrayList<>();
        for (JsonObject product : walk(list + "&sort=-price&limit=1&in_stock=true")) {
            walked.add(product.getString("name"));
        }
        assertEquals(List.of(tag + " Blue Ink", tag + " Blue Pen", tag + " Pencil"), walked);

        HttpResponse<String> none = api.get("api/products?name=" + encode(tag + " nothing like it"));
        assertEquals(0, Api.json(none).getJsonArray("products").size());
        assertTrue(Api.json(none).isNull("next"));
        assertFalse(none.headers().firstValue("Link").isPresent());
    }

    @Test
    @DisplayName("C9 a malformed, tampered or foreign cursor, an offset past 10000, and bad filters are 400 "
            + "naming the parameter")
    void badListParameters() {
        api.create(tag(), "1", 1);
        api.create(tag(), "1", 1);
        String byPrice = Api.json(api.get("api/products?limit=1&sort=price")).getString("next");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "price\n12\nnot a price".getBytes(StandardCharsets.UTF_8));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("after=" + byPrice, "after");                        // made for sort=price
        cases.put("after=" + byPrice + "&sort=name", "after");
        cases.put("after=" + tampered + "&sort=price", "after");
        cases.put("after=%21%21%21", "after");
        cases.put("after=", "after");
        cases.put("after=" + "A".repeat(2000), "after");
        cases.put("after=" + byPrice + "&sort=price&offset=0", "offset");
        cases.put("offset=10001", "offset");
        cases.put("sort=colour", "sort");
        cases.put("sort=--id", "sort");
        cases.put("name=ab", "name");
        cases.put("min_price=-1", "min_price");
        cases.put("max_price=1.001", "max_price");
        cases.put("min_price=5&max_price=4", "max_price");
        cases.put("max_price=1e3", "max_price");
        cases.put("in_stock=yes", "in_stock");
        cases.put("total=0", "total");
        assertAll(cases.entrySet().stream().map(c -> () -> {
            HttpResponse<String> response = api.get("api/products?" + c.getKey());
            assertProblem(400, "/problems/validation", response);
            assertEquals(c.getValue(), Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"),
                    c.getKey());
        }));
        assertEquals(200, api.get("api/products?offset=10000").statusCode());
    }

    @Test
    @DisplayName("C10 a filtered list gives the database's answer whichever way it is found: by the bounded walk "
            + "(common matches), from the trigram index's candidates (rare ones), or by the whole walk (over 10,000 "
            + "matches behind 1,000 dearer products that do not match)")
    void filteredListsByEveryPath() throws SQLException {
        String tag = tag();
        try (Connection connection = TestDatabaseSession.database().connect();
             Statement insert = connection.createStatement()) {
            // outside the API, as the benchmark loads a catalogue: 11,000 cheap matches, then 1,100 dear decoys
            insert.execute("INSERT INTO products (name, description, price, stock_quantity) SELECT '" + tag
                    + " many ' || g, 'C10', 1 + g % 7, g % 2 FROM generate_series(1, 11000) AS g");
            insert.execute("INSERT INTO products (name, description, price, stock_quantity) SELECT '" + tag
                    + " decoy ' || g, 'C10', 90000 + g, 1 FROM generate_series(1, 1100) AS g");
        }
        try {
            String many = encode(tag + " many");
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("name=" + many + "&sort=price", "name ILIKE '%many%' ORDER BY price, id");
            cases.put("name=" + many + "&in_stock=true&sort=-updated_at",
                    "name ILIKE '%many%' AND stock_quantity > 0 ORDER BY updated_at DESC, id DESC");
            cases.put("name=" + encode(tag + " many 123") + "&sort=-price&max_price=5",
                    "name ILIKE '%many 123%' AND price <= 5 ORDER BY price DESC, id DESC");
            cases.put("name=" + many + "&sort=-price", "name ILIKE '%many%' ORDER BY price DESC, id DESC");
            cases.put("name=" + many + "&sort=-price&in_stock=false&min_price=2",
                    "name ILIKE '%many%' AND stock_quantity = 0 AND price >= 2 ORDER BY price DESC, id DESC");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                List<Long> expected = taggedIds(tag, c.getValue(), 45);
                List<Long> listed = new ArrayList<>();
                String path = "api/products?limit=15&" + c.getKey();
                for (int page = 0; page < 3 && path != null; page++) {
                    JsonObject body = Api.json(api.get(path));
                    listed.addAll(idsInOrder(body));
                    path = body.isNull("next") ? null : "api/products?limit=15&" + c.getKey() + "&after="
                            + body.getString("next");
                }
                assertEquals(expected, listed, c.getKey());
            }
        } finally {
            try (Connection connection = TestDatabaseSession.database().connect();
                 Statement delete = connection.createStatement()) {
                delete.execute("DELETE FROM products WHERE description = 'C10' AND name LIKE '" + tag + "%'");
            }
        }
    }

    @Test
    @DisplayName("C11 a filtered list that holds the database longer than DB_SEARCH_TIMEOUT_MS (1 s) is cancelled: "
            + "503 list-too-costly, within the bound")
    void filteredListsAreBounded() throws SQLException {
        try (Connection connection = TestDatabaseSession.database().connect();
             Statement lock = connection.createStatement()) {
            // a list that cannot finish: the table locked against it, as a costly plan would hold it busy
            connection.setAutoCommit(false);
            lock.execute("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            HttpResponse<String> response = api.get("api/products?name=" + encode(tag()) + "&sort=-price");
            long millis = (System.nanoTime() - start) / 1_000_000;
            connection.rollback();
            assertProblem(503, "/problems/list-too-costly", response);
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(millis >= 1000 && millis < 5000, "cancelled after the bound: " + millis + " ms");
        }
    }

    /** The first {@code limit} ids of this test's products as the database filters and sorts them. */
    private static List<Long> taggedIds(String tag, String filterAndOrder, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = TestDatabaseSession.database().connect();
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id FROM products WHERE name LIKE '" + tag + " %' AND "
                     + filterAndOrder + " LIMIT " + limit)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static List<Long> idsInOrder(JsonObject page) {
        return page.getJsonArray("products").getValuesAs(JsonObject.class).stream()
                .map(p -> (long) p.getInt("id")).toList();
    }

    /** Runs {@code writer} (given its number) on 16 threads while {@code meanwhile} runs here; their results. */
    private static <T> List<T> whileWriting(IntFunction<Callable<T>> writer, Callable<?> meanwhile)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<T>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                work.add(writers.submit(writer.apply(w)));
            }
            meanwhile.call();
            List<T> results = new ArrayList<>();
            for (Future<T> future : work) {
                results.add(future.get());
            }
            return results;
        } finally {
            writers.shutdownNow();
        }
    }

    /** Every page from {@code first} on, following the Link header's rel=next, which must agree with next. */
    private List<JsonObject> walk(String first) {
        List<JsonObject> seen = new ArrayList<>();
        String path = first;
        while (path != null) {
            HttpResponse<String> response = api.get(path);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = Api.json(response);
            seen.addAll(page.getJsonArray("products").getValuesAs(JsonObject.class));
            String link = response.headers().firstValue("Link").orElse(null);
            if (page.isNull("next")) {
                assertNull(link, "no Link on the last page");
                path = null;
            } else {
                assertTrue(link != null && link.endsWith(">; rel=\"next\"") && link.contains("after="
                        + page.getString("next")), link);
                path = link.substring(link.indexOf("/api/") + 1, link.indexOf('>'));
            }
        }
        return seen;
    }

    /** The ids still in the catalogue are in the order the database sorts them, with its collation and clock. */
    private static void assertInDatabaseOrder(List<Long> ids, String sort) throws SQLException {
        String direction = sort.startsWith("-") ? " DESC" : "";
        String column = sort.replace("-", "");
        List<Long> ordered = new ArrayList<>();
        try (Connection connection = TestDatabaseSession.database().connect();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM products WHERE id = ANY (?) "
                     + "ORDER BY " + column + direction + ", id" + direction)) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ordered.add(rows.getLong(1));
                }
            }
        }
        Set<Long> present = new HashSet<>(ordered);
        assertEquals(ordered, ids.stream().filter(present::contains).toList(), sort + ": in the sort's order");
    }

    private static Set<Long> idsOf(JsonObject... pages) {
        Set<Long> ids = new HashSet<>();
        for (JsonObject page : pages) {
            page.getJsonArray("products").getValuesAs(JsonObject.class).forEach(p -> ids.add((long) p.getInt("id")));
        }
        return ids;
    }

    private List<String> names(String path) {
        return Api.json(api.get(path)).getJsonArray("products").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name")).toList();
    }

    private static String tag() {
        return "List" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String price(int i) {
        return (i % 40) + "." + (i % 7) + "0";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
