package io.concurrencydb.changes;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.catalog.control.Outbox;
import io.concurrencydb.catalog.control.ProductRows;
import io.concurrencydb.catalog.entity.ChangeKind;
import io.concurrencydb.changes.control.EventPruning;
import io.concurrencydb.support.Api;
import io.concurrencydb.support.Await;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.EventStream;
import io.concurrencydb.support.Prometheus;
import io.concurrencydb.support.Race;
import io.concurrencydb.support.SecondInstance;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.Steady;
import io.concurrencydb.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The change feed: one event per committed change, delivered in an order no consumer has to go back on. */
class ChangeFeedIT extends DeployedService {

    @Test
    @DisplayName("E1 32 concurrent writers: exactly one event per committed change and none for a rolled-back one, "
            + "the same on a stream, on pages and on a stream resumed mid-run; the events rebuild the table")
    void exactlyOncePerCommittedChange() throws Exception {
        long before = api.feedHead();
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            products.add(api.create("Fed " + i, "5.00", 1000).getJsonNumber("id").longValue());
        }
        List<Long> doomed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            doomed.add(api.create("Doomed " + i, "1.00", 1).getJsonNumber("id").longValue());
        }
        Set<Long> ours = new HashSet<>(products);
        ours.addAll(doomed);
        long start = afterCreation(before, ours);

        EventStream stream = EventStream.open(api.uri("api/products/events?after=" + start), null);
        EventStream resumed = EventStream.open(api.uri("api/products/events?after=" + start), null);
        Pager pager = new Pager(start);
        pager.start();
        AtomicInteger changes = new AtomicInteger();
        List<JsonObject> resumedPrefix = new CopyOnWriteArrayList<>();
        AtomicReference<EventStream> reopened = new AtomicReference<>();

        List<Map<Integer, Long>> statuses = Race.run(32, client -> {
            Map<Integer, Long> seen = new HashMap<>();
            if (client < doomed.size()) {
                count(seen, api.delete("api/products/" + doomed.get(client)), changes, 1);
            }
            for (int k = 0; k < 12; k++) {
                long hot = products.get(0);
                long other = products.get(1 + (client + k) % 3);
                switch ((client + k) % 6) {
                    // serializable retries roll back transactions that had already written product and event
                    case 0 -> count(seen, adjust(hot, -1, "serializable"), changes, 1);
                    case 1 -> count(seen, adjust(other, 1, "optimistic"), changes, 1);
                    case 2 -> {
                        JsonObject read = api.product(other);
                        count(seen, api.put("api/products/" + other, Api.replacement(read, read.getInt("stock_quantity") + 1)),
                                changes, 1);
                    }
                    case 3 -> count(seen, api.post("api/orders", "{\"items\": [{\"product_id\": " + hot
                            + ", \"quantity\": 1}, {\"product_id\": " + other + ", \"quantity\": 1}]}"), changes, 2);
                    // short of stock: the order is refused and takes nothing
                    case 4 -> count(seen, api.post("api/orders", "{\"items\": [{\"product_id\": " + other
                            + ", \"quantity\": 1}, {\"product_id\": " + hot + ", \"quantity\": 1000000}]}"), changes, 2);
                    default -> count(seen, api.send("PATCH", "api/products/" + other,
                            BodyPublishers.ofString("{\"price\": " + (client + 1) + "}"),
                            "Content-Type", "application/merge-patch+json",
                            "If-Match", "\"" + api.product(other).getInt("version") + "\""), changes, 1);
                }
                if (client == 0 && k == 6) {
                    // a consumer that goes away mid-run and comes back where it left off
                    List<JsonObject> got = resumed.events();
                    resumed.close();
                    resumedPrefix.addAll(got);
                    String last = got.isEmpty() ? Long.toString(start) : got.get(got.size() - 1).getString("sse_id");
                    reopened.set(EventStream.open(api.uri("api/products/events"), last));
                }
            }
            return seen;
        });

        Map<Integer, Long> total = new HashMap<>();
        statuses.forEach(seen -> seen.forEach((status, n) -> total.merge(status, n, Long::sum)));
        assertTrue(total.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 204 || s == 409
                || s == 412 || s == 503), total.toString());
        assertTrue(total.getOrDefault(409, 0L) > 0, "some writes were refused: " + total);

        int expected = changes.get();
        List<JsonObject> streamed = await(() -> mine(stream.events(), ours), expected, "the stream");
        List<JsonObject> paged = await(() -> mine(pager.events, ours), expected, "the pages");
        List<JsonObject> resumedAll = await(() -> {
            List<JsonObject> all = new ArrayList<>(mine(resumedPrefix, ours));
            all.addAll(mine(reopened.get().events(), ours));
            return all;
        }, expected, "the resumed stream");
        pager.finish();
        stream.close();
        reopened.get().close();

        assertEquals(positions(streamed), positions(paged), "the stream and the pages deliver the same events");
        assertEquals(positions(streamed), positions(resumedAll), "a resumed stream misses and repeats nothing");
        assertEquals(positions(streamed).size(), new HashSet<>(positions(streamed)).size(), "no event twice");

        Map<Long, List<JsonObject>> byProduct = new HashMap<>();
        streamed.forEach(event -> byProduct.computeIfAbsent(event.getJsonNumber("product_id").longValue(),
                id -> new ArrayList<>()).add(event));
        for (long id : products) {
            JsonObject current = api.product(id);
            List<JsonObject> events = byProduct.get(id);
            long base = current.getInt("version") - events.size() + 1;
            for (int i = 0; i < events.size(); i++) {
                assertEquals(base + i, events.get(i).getInt("version"), "product " + id + ": versions go up one by one");
            }
            assertEquals(current, events.get(events.size() - 1).getJsonObject("product"),
                    "product " + id + ": the last event is the product as stored");
        }
        for (long id : doomed) {
            List<JsonObject> events = byProduct.get(id);
            assertEquals(1, events.size(), "product " + id + ": one tombstone");
            assertEquals("deleted", events.get(0).getString("kind"));
            assertEquals(1, events.get(0).getInt("version"));
            assertTrue(events.get(0).isNull("product"));
            assertEquals(404, api.get("api/products/" + id).statusCode());
        }
        System.out.printf("change feed: %d committed changes, %d events on the stream, %d on pages, %d resumed; "
                + "statuses %s%n", expected, streamed.size(), paged.size(), resumedAll.size(), total);
    }

    @Test
    @DisplayName("E2 a transaction that took an earlier number but commits later is still delivered, after the "
            + "one that committed first, and no reader has to go back")
    void commitOrderNeverSkips() throws Exception {
        long before = api.feedHead();
        long first = api.create("Slow writer", "1.00", 10).getJsonNumber("id").longValue();
        long second = api.create("Fast writer", "1.00", 10).getJsonNumber("id").longValue();
        long start = afterCreation(before, Set.of(first, second));
        String write = Outbox.recording(ChangeKind.STOCK_ADJUSTED, """
                UPDATE products SET stock_quantity = stock_quantity + 1, version = version + 1, updated_at = now()
                WHERE id = ? RETURNING %s""".formatted(ProductRows.COLUMNS));

        try (Connection slow = TestDatabaseSession.database().connect();
             Connection fast = TestDatabaseSession.database().connect()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            long slowSeq = writeAndNumber(slow, write, first);   // takes the lower number, stays open
            long fastSeq = writeAndNumber(fast, write, second);
            fast.commit();
            assertTrue(slowSeq < fastSeq);

            List<JsonObject> seen = await(() -> page(start, Set.of(first, second)), 1, "a reader, before the slow commit");
            assertEquals(second, seen.get(0).getJsonNumber("product_id").longValue());
            slow.commit();
        }
        List<JsonObject> events = await(() -> page(start, Set.of(first, second)), 2, "a reader, after both");
        assertEquals(List.of(second, first), events.stream().map(e -> e.getJsonNumber("product_id").longValue()).toList(),
                "in commit order: " + events);
        assertTrue(events.get(0).getJsonNumber("position").longValue() < events.get(1).getJsonNumber("position").longValue());
        List<JsonObject> fromTheFirst = page(events.get(0).getJsonNumber("position").longValue(), Set.of(first, second));
        assertEquals(List.of(first), fromTheFirst.stream().map(e -> e.getJsonNumber("product_id").longValue()).toList(),
                "a reader that had passed the fast one still gets the slow one");
    }

    private List<JsonObject> page(long after, Set<Long> products) {
        return page(api, after, products);
    }

    private static List<JsonObject> page(Api from, long after, Set<Long> products) {
        JsonObject page = Api.json(from.get("api/products/events?limit=1000&after=" + after));
        return mine(page.getJsonArray("events").getValuesAs(JsonObject.class), products);
    }

    @Test
    @DisplayName("E3 a stream resumes after Last-Event-ID exactly; malformed positions are 400, pruned ones 410")
    void resumeAndRefusals() throws Exception {
        long before = api.feedHead();
        long id = api.create("Streamed", "1.00", 10).getJsonNumber("id").longValue();
        EventStream live = EventStream.open(api.uri("api/products/events?after=" + afterCreation(before, Set.of(id))),
                null);
        for (int i = 0; i < 3; i++) {
            api.send("PATCH", "api/products/" + id, BodyPublishers.ofString("{\"stock_quantity\": " + i + "}"),
                    "Content-Type", "application/merge-patch+json", "If-Match", "*");
        }
        List<JsonObject> firstThree = await(() -> mine(live.events(), Set.of(id)), 3, "the live stream");
        live.close();
        for (int i = 3; i < 5; i++) {
            api.send("PATCH", "api/products/" + id, BodyPublishers.ofString("{\"stock_quantity\": " + i + "}"),
                    "Content-Type", "application/merge-patch+json", "If-Match", "*");
        }
        try (EventStream again = EventStream.open(api.uri("api/products/events"),
                firstThree.get(2).getString("sse_id"))) {
            List<JsonObject> rest = await(() -> mine(again.events(), Set.of(id)), 2, "the resumed stream");
            assertEquals(List.of(4, 5), rest.stream().map(e -> e.getInt("version")).toList());
        }

        for (String bad : new String[] {"abc", "-1", "1-2", "1.5", "99999999999999999999"}) {
            assertProblem(400, "/problems/validation", api.get("api/products/events?after=" + bad));
        }
        assertProblem(400, "/problems/validation", api.get("api/products/events?limit=0"));
        assertProblem(400, "/problems/validation", api.get("api/products/events", "Accept", "text/event-stream", "Last-Event-ID", "x"));

        String pruned = firstThree.get(0).getJsonNumber("position").toString();
        try (Connection connection = TestDatabaseSession.database().connect();
             PreparedStatement prune = connection.prepareStatement(EventPruning.PRUNE)) {
            prune.setString(1, "0 seconds");
            prune.executeUpdate();
        }
        HttpResponse<String> gone = api.get("api/products/events?after=" + pruned);
        assertProblem(410, "/problems/events-pruned", gone);
        assertTrue(Api.json(gone).containsKey("oldest_position"), gone.body());
        assertProblem(410, "/problems/events-pruned", api.get("api/products/events", "Accept", "text/event-stream", "Last-Event-ID", pruned));
        assertEquals(200, api.get("api/products/events?after=0").statusCode(), "the beginning is always there");
    }

    @Test
    @DisplayName("E5 two instances on one database: writes through either are in the feed of both, once, in the "
            + "same order, and on a stream from the other")
    void feedAcrossInstances() throws Exception {
        try (SecondInstance second = SecondInstance.start()) {
            Api there = second.api();
            long before = api.feedHead();
            long id = there.create("Made elsewhere", "1.00", 100).getJsonNumber("id").longValue();
            long start = afterCreation(before, Set.of(id));
            try (EventStream stream = EventStream.open(api.uri("api/products/events?after=" + start), null)) {
                for (int i = 0; i < 10; i++) {
                    Api through = i % 2 == 0 ? api : there;
                    assertEquals(200, through.post("api/products/" + id + "/stock-adjustments",
                            "{\"delta\": -1, \"strategy\": \"atomic\"}").statusCode());
                }
                List<JsonObject> here = await(() -> page(api, start, Set.of(id)), 10, "this instance's pages");
                List<JsonObject> fromThere = await(() -> page(there, start, Set.of(id)), 10, "the other's pages");
                List<JsonObject> streamed = await(() -> mine(stream.events(), Set.of(id)), 10, "this instance's stream");
                assertEquals(positions(here), positions(fromThere));
                assertEquals(positions(here), positions(streamed));
                assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), here.stream().map(e -> e.getInt("version")).toList());
                assertEquals(90, here.get(9).getJsonObject("product").getInt("stock_quantity"));
            }
        }
    }

    @Test
    @DisplayName("E6 a client that stops reading is disconnected after the send limit, with most of what is due still "
            + "untaken, and resumes where it was cut off")
    void slowClientIsDropped() throws Exception {
        long start = bulkEvents();
        try (Socket socket = stalledStream(start)) {
            // reading nothing until the server cuts the stream off (after events.stream.send.limit.s, 5 s here)
            Await.until("the stalled stream to open", Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> openStreams() == 1);
            Await.until("the server to cut the stalled stream off", Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> openStreams() == 0);
            // the server has given up on the stream: what it had already handed to the socket arrives, its blocked
            // write then fails, and the connection ends (on Grizzly that end waited for the write to be read)
            socket.setSoTimeout(60_000);
            String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long ids = received.lines().filter(line -> line.startsWith("id:")).count();
            assertTrue(received.startsWith("HTTP/1.1 200"), received.lines().findFirst().orElse(""));
            assertTrue(ids > 0 && ids < 60_000, ids + " events before the server hung up");
            String last = received.lines().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                    .substring(3).strip();
            JsonObject next = Api.json(api.get("api/products/events?limit=1&after=" + last));
            assertEquals(Long.parseLong(last) + 1, next.getJsonArray("events").getJsonObject(0)
                    .getJsonNumber("position").longValue(), "it resumes right after the last event it got");
            System.out.printf("slow client: cut off after %d of 60000 events (%d bytes)%n", ids, received.length());
        }
    }

    @Test
    @DisplayName("E7 six streams opened at one position: a backlog of 2,500 events, many pages, reaches each "
            + "exactly once, in order")
    void streamsSharingPages() throws Exception {
        long start = api.feedHead();
        long marker = 2147483646L;
        try (Connection connection = TestDatabaseSession.database().connect();
             Statement insert = connection.createStatement()) {
            insert.execute("""
                    INSERT INTO product_events (product_id, kind, version, name, description, price, stock_quantity,
                                                created_at, updated_at)
                    SELECT %d, 'replaced', g, 'Shared', 'a page for many', 1, g, now(), now()
                    FROM generate_series(1, 2500) AS g""".formatted(marker));
        }
        Await.until("the backlog to be numbered", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> numbered(marker, start) == 2500);
        List<EventStream> crowd = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crowd.add(EventStream.open(api.uri("api/products/events?after=" + start), null));
        }
        try {
            List<Long> first = null;
            for (int i = 0; i < crowd.size(); i++) {
                EventStream stream = crowd.get(i);
                List<Long> got = positions(await(() -> mine(stream.events(), Set.of(marker)), 2500, "stream " + i));
                assertEquals(got.stream().sorted().distinct().toList(), got, "stream " + i + " in order, none twice");
                if (first == null) {
                    first = got;
                }
                assertEquals(first, got, "stream " + i + " got what stream 0 got");
            }
        } finally {
            crowd.forEach(EventStream::close);
        }
    }

    @Test
    @DisplayName("E8 forty clients that open a stream and stop reading, with 42 MB of events due to each, cost "
            + "the server a bounded buffer each: reads meanwhile answer within a second, and every stream is cut off")
    void stalledStreamsCannotExhaustTheHeap() throws Exception {
        long start = bulkEvents();
        long id = api.create("Read meanwhile", "1", 1).getInt("id");
        List<Socket> stalled = new ArrayList<>();
        try (Steady reads = Steady.every("reads", Duration.ofMillis(100), direct().uri("api/products/" + id), null)) {
            for (int i = 0; i < 40; i++) {
                stalled.add(stalledStream(start));
            }
            // Grizzly once queued up to 8 MiB in the heap for each: forty of them took Payara Micro's 256 MiB heap,
            // and the server stayed in full collections after the clients had gone
            Await.until("the stalled streams to open", Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> openStreams() == 40);
            Await.until("the server to cut every stalled stream off", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> openStreams() == 0);
            System.out.println("E8 on " + Server.current() + ": " + reads);
            assertEquals(0, reads.failed(), reads.toString());
            assertTrue(reads.sent() >= 20 && reads.p99Millis() < 1000, reads.toString());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertEquals(200, api.get("api/products/" + id).statusCode());
    }

    @Test
    @DisplayName("E9 an instance serves at most events.streams.max streams: of a burst of five more than that, exactly "
            + "five are refused, 503 too-many-streams with Retry-After; the JSON pages are answered meanwhile, and a "
            + "place a client gives up is taken again")
    void streamsAreBounded() throws Exception {
        int max = Integer.parseInt(System.getenv("EVENTS_STREAMS_MAX"));
        Await.until("the earlier tests' streams to close", Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> openStreams() == 0);
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        try {
            long head = api.feedHead();
            ExecutorService clients = Executors.newFixedThreadPool(max + 5);
            Map<String, Integer> answers = new HashMap<>();
            try {
                Callable<String> client = () -> {
                    Socket socket = stalledStream(head);
                    sockets.add(socket);
                    socket.setSoTimeout(30_000);
                    return statusCode(socket);
                };
                for (Future<String> answer : clients.invokeAll(Collections.nCopies(max + 5, client))) {
                    answers.merge(answer.get(), 1, Integer::sum);
                }
            } finally {
                clients.shutdown();
            }
            assertEquals(Map.of("200", max, "503", 5), answers, "streams started and refused");
            assertEquals(max, openStreams());

            HttpResponse<String> refused = api.get("api/products/events", "Accept", "text/event-stream");
            assertProblem(503, "/problems/too-many-streams", refused);
            assertEquals("10", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals(200, api.get("api/products/events?limit=1").statusCode(), "the JSON pages");

            // a client that hangs up is noticed at the stream's next write (a keep-alive comment, every 2 s here)
            for (Socket socket : sockets.subList(0, 10)) {
                socket.close();
            }
            Await.until("the server to notice the ten clients gone", Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> openStreams() == max - 10);
            long before = api.feedHead();
            long id = api.create("After the crowd", "1", 1).getJsonNumber("id").longValue();
            try (EventStream again = EventStream.open(api.uri("api/products/events?after=" + before), null)) {
                await(() -> mine(again.events(), Set.of(id)), 1, "a stream in a freed place");
            }
            assertTrue(Prometheus.value(api.metrics().body(), "event_streams_refused_total") >= 6);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** How many events of {@code product} the sequencer has numbered after {@code after}. */
    private static long numbered(long product, long after) throws SQLException {
        try (Connection connection = TestDatabaseSession.database().connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM product_events WHERE product_id = ? AND position > ?")) {
            count.setLong(1, product);
            count.setLong(2, after);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The position of the last creation event of {@code products}, once all are in the feed. */
    private long afterCreation(long before, Set<Long> products) throws InterruptedException {
        List<JsonObject> created = await(() -> page(before, products), products.size(), "the creations");
        return created.get(created.size() - 1).getJsonNumber("position").longValue();
    }

    private HttpResponse<String> adjust(long id, int delta, String strategy) {
        return api.post("api/products/" + id + "/stock-adjustments",
                "{\"delta\": " + delta + ", \"strategy\": \"" + strategy + "\"}");
    }

    private static void count(Map<Integer, Long> seen, HttpResponse<String> response, AtomicInteger changes, int each) {
        seen.merge(response.statusCode(), 1L, Long::sum);
        if (response.statusCode() / 100 == 2) {
            changes.addAndGet(each);
        }
    }

    private static long writeAndNumber(Connection connection, String write, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(write)) {
            statement.setLong(1, id);
            statement.execute();
        }
        try (PreparedStatement seq = connection.prepareStatement(
                "SELECT max(seq) FROM product_events WHERE product_id = ?")) {
            seq.setLong(1, id);
            try (ResultSet row = seq.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * 60,000 events of about 700 bytes, 42 MB, added at once; the position before them. That is more than twice
     * what the buffers below a stream can hold (the socket's send buffer, 64 KiB on Payara and up to 4 MiB on
     * WildFly, Grizzly's write queue, and the client's receive buffer, pinned by stalledStream); with 20,000
     * (14 MB) one CI run of E6 was never cut off, most likely because they all fit. Waits for the earlier tests'
     * streams to close.
     */
    private long bulkEvents() throws Exception {
        long start = api.feedHead();
        try (Connection connection = TestDatabaseSession.database().connect();
             Statement insert = connection.createStatement()) {
            insert.execute("""
                    INSERT INTO product_events (product_id, kind, version, name, description, price, stock_quantity,
                                                created_at, updated_at)
                    SELECT 2147483647, 'replaced', g, 'Bulk', repeat('x', 300), 1, g, now(), now()
                    FROM generate_series(1, 60000) AS g""");
        }
        await(() -> page(start, Set.of(2147483647L)), 1000, "the bulk events");
        Await.until("the earlier tests' streams to close", Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> openStreams() == 0);
        return start;
    }

    /** A client that asks for the stream after {@code start} and reads nothing. */
    private Socket stalledStream(long start) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port()));
        socket.getOutputStream().write(("GET /api/products/events?after=" + start + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The status code of the response on {@code socket}: "HTTP/1.1 200 OK" is "200". */
    private static String statusCode(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = socket.getInputStream().read(); c != -1 && c != '\r'; c = socket.getInputStream().read()) {
            line.append((char) c);
        }
        return line.toString().split(" ")[1];
    }

    /** The event_streams gauge: the change-feed streams open on the suite's server. */
    private double openStreams() {
        return Prometheus.value(api.metrics().body(), "event_streams");
    }

    private static List<JsonObject> mine(List<JsonObject> events, Set<Long> products) {
        return events.stream().filter(e -> products.contains(e.getJsonNumber("product_id").longValue())).toList();
    }

    private static List<Long> positions(List<JsonObject> events) {
        return events.stream().map(e -> e.getJsonNumber("position").longValue()).toList();
    }

    private static List<JsonObject> await(Supplier<List<JsonObject>> events, int expected, String consumer)
            throws InterruptedException {
        Await.within(Duration.ofSeconds(30), Duration.ofMillis(100), () -> events.get().size() >= expected);
        // a duplicate would arrive after the last new event: give it the time a page poll takes to show
        Thread.sleep(500);
        List<JsonObject> got = events.get();
        assertEquals(expected, got.size(), () -> consumer + " received every committed change, once; "
                + TestDatabaseSession.database().sessions());
        return got;
    }

    /** A consumer that reads the JSON pages, asking for the next one every 100 ms. */
    private final class Pager extends Thread {

        final List<JsonObject> events = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private long position;

        Pager(long start) {
            this.position = start;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    JsonObject page = Api.json(api.get("api/products/events?limit=50&after=" + position));
                    events.addAll(page.getJsonArray("events").getValuesAs(JsonObject.class));
                    position = page.getJsonNumber("next").longValue();
                    if (page.getJsonArray("events").isEmpty()) {
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a failed poll is simply repeated from the same position
                }
            }
        }

        void finish() {
            running = false;
            interrupt();
        }
    }
}
