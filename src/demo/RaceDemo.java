import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Races concurrent clients against a running products service and prints what happened, measured, not told.
 *
 * <pre>java src/demo/RaceDemo.java [base-url] [buyers] [stock]</pre>
 *
 * Defaults: http://localhost:8080, 50 buyers, 20 in stock. Needs only a JDK 17; it creates its own products.
 * Writes need a bearer token with the role writer: the environment's TOKEN, or else the one the run command
 * saved in target/dev-jwt/writer.token.
 */
public class RaceDemo {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String token;

    public static void main(String[] args) throws Exception {
        base = (args.length > 0 ? args[0] : "http://localhost:8080").replaceAll("/+$", "");
        int buyers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int stock = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        token = token();

        twoEditors();

        System.out.printf("%n== %d buyers race for %d units, each buying one, at the same instant%n%n", buyers, stock);
        System.out.printf("%-13s %9s %10s %7s %9s %6s %12s %9s %9s%n", "strategy", "successes", "rejections",
                "retries", "conflicts", "final", "lost updates", "oversold", "buyers/s");
        for (String strategy : List.of("naive", "atomic", "optimistic", "pessimistic", "serializable")) {
            row(strategy, buyers, stock);
        }
        System.out.println("""

                naive:        GET the stock, then PUT stock - 1 with If-Match: * (no version check), done client-side
                atomic:       one UPDATE ... SET stock = stock - 1 WHERE stock - 1 >= 0
                optimistic:   read, then UPDATE ... WHERE version = <read>; conflicts retried in new transactions
                pessimistic:  SELECT ... FOR UPDATE, then UPDATE
                serializable: read and write at SERIALIZABLE; serialization failures retried
                lost updates = successes - units that left the stock; oversold = successes beyond the stock""");
    }

    /** Alice and Bob edit the same product: with versions nobody's change is lost; without, one silently is. */
    private static void twoEditors() throws Exception {
        System.out.println("== Two editors, one product");
        for (boolean versioned : new boolean[] {true, false}) {
            String id = field(send("POST", "/api/products", null,
                    "{\"name\": \"Desk\", \"price\": 100.00, \"stock_quantity\": 10}").body(), "id");
            String read = send("GET", "/api/products/" + id, null, null).body();
            String version = field(read, "version");
            System.out.println(versioned ? "-- with the version they read (the service's way)"
                    : "-- without a version (If-Match: *, last write wins)");
            System.out.println("   Alice and Bob both read version " + version + ": price 100.00, stock 10");
            HttpResponse<String> alice = put(id, "120.00", 10, versioned ? version : null);
            System.out.println("   Alice sets the price to 120.00           -> " + alice.statusCode()
                    + ", version " + field(alice.body(), "version"));
            HttpResponse<String> bob = put(id, "100.00", 7, versioned ? version : null);
            System.out.println("   Bob sets the stock to 7 from his copy    -> " + bob.statusCode()
                    + (bob.statusCode() == 409 ? " " + field(bob.body(), "title") : ", version " + field(bob.body(), "version")));
            if (bob.statusCode() == 409) {
                String fresh = send("GET", "/api/products/" + id, null, null).body();
                HttpResponse<String> retry = put(id, field(fresh, "price"), 7, field(fresh, "version"));
                System.out.println("   Bob reads again and reapplies his change -> " + retry.statusCode()
                        + ", version " + field(retry.body(), "version"));
            }
            String end = send("GET", "/api/products/" + id, null, null).body();
            boolean lost = !field(end, "price").startsWith("120");
            System.out.println("   Stored: price " + field(end, "price") + ", stock " + field(end, "stock_quantity")
                    + (lost ? "  <- Alice's price change is lost" : "  <- both changes kept"));
        }
    }

    private static void row(String strategy, int buyers, int stock) throws Exception {
        String id = field(send("POST", "/api/products", null,
                "{\"name\": \"Race " + strategy + "\", \"price\": 1, \"stock_quantity\": " + stock + "}").body(), "id");
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger rejections = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            done.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> response = strategy.equals("naive") ? naiveBuy(id) : send("POST",
                        "/api/products/" + id + "/stock-adjustments", null,
                        "{\"delta\": -1, \"strategy\": \"" + strategy + "\"}");
                if (response == null || response.statusCode() == 409) {
                    rejections.incrementAndGet();
                } else if (response.statusCode() == 200) {
                    successes.incrementAndGet();
                    retries.addAndGet(Integer.parseInt(response.headers()
                            .firstValue("Stock-Adjustment-Attempts").orElse("1")) - 1);
                } else {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        int remaining = Integer.parseInt(field(send("GET", "/api/products/" + id, null, null).body(), "stock_quantity"));
        int left = stock - remaining;
        System.out.printf("%-13s %9d %10d %7d %9d %6d %12d %9d %9.0f%n", strategy, successes.get(), rejections.get(),
                retries.get(), conflicts.get(), remaining, successes.get() - left,
                Math.max(0, successes.get() - stock), buyers / seconds);
    }

    /** The unsafe way: read, decide, write back without a version check. */
    private static HttpResponse<String> naiveBuy(String id) throws Exception {
        String read = send("GET", "/api/products/" + id, null, null).body();
        int stock = Integer.parseInt(field(read, "stock_quantity"));
        if (stock <= 0) {
            return null;
        }
        String body = read.replaceFirst("\"stock_quantity\":\\d+", "\"stock_quantity\":" + (stock - 1))
                .replaceFirst("\"version\":\\d+,", "");
        return send("PUT", "/api/products/" + id, "*", body);
    }

    private static HttpResponse<String> put(String id, String price, int stock, String version) throws Exception {
        String body = "{\"name\": \"Desk\", \"price\": " + price + ", \"stock_quantity\": " + stock
                + (version == null ? "" : ", \"version\": " + version) + "}";
        return send("PUT", "/api/products/" + id, version == null ? "*" : null, body);
    }

    private static HttpResponse<String> send(String method, String path, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private static String token() throws IOException {
        String fromEnvironment = System.getenv("TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        Path saved = Path.of("target", "dev-jwt", "writer.token");
        return Files.exists(saved) ? Files.readString(saved).trim() : null;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"([^\"]*)\"|[-0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
