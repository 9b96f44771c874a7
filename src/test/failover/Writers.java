import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that create products through the balancer for a while, each with an Idempotency-Key, and write down
 * what was acknowledged. A create answered 503 (outcome unknown) is repeated with the same key until it is
 * answered, as a careful client would, while the time lasts: the key must never make a second product. Any
 * answer but 2xx, 409 and 503 with Retry-After (a 500, a balancer's 502 or 504, none at all) is counted, and
 * makes the exit status 1.
 *   java Writers.java BASE_URL SECONDS CLIENTS OUT_DIR
 * They stop after SECONDS, or earlier once the file OUT_DIR/stop exists. OUT_DIR/acknowledged: "id key" per
 * acknowledged create; OUT_DIR/summary: the figures; OUT_DIR/slowest_ms and OUT_DIR/unavailable: the slowest
 * answer and the number of 503s, for the script to check; OUT_DIR/outages: "start_epoch_ms length_ms" for every
 * time of a second or more without a 2xx.
 */
public class Writers {

    private static final ConcurrentLinkedQueue<String> ACKNOWLEDGED = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        int clients = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Path stop = out.resolve("stop");
        ConcurrentLinkedQueue<String> outages = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong slowestMillis = new AtomicLong();
        AtomicLong lastOk = new AtomicLong(System.nanoTime());
        AtomicLong longestOutageMillis = new AtomicLong();
        AtomicLong replays = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end && !Files.exists(stop)) {
                    String key = UUID.randomUUID().toString();
                    boolean retried = false;
                    while (true) {
                        long started = System.nanoTime();
                        int status = create(http, base, key);
                        long took = (System.nanoTime() - started) / 1_000_000;
                        slowestMillis.accumulateAndGet(took, Math::max);
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status == 201 || status == 200) {
                            long now = System.nanoTime();
                            long gap = (now - lastOk.getAndSet(now)) / 1_000_000;
                            longestOutageMillis.accumulateAndGet(gap, Math::max);
                            if (gap >= 1000) {
                                outages.add((System.currentTimeMillis() - gap) + " " + gap);
                            }
                            if (retried) {
                                replays.incrementAndGet();
                            }
                            break;
                        }
                        if (status != 503 && status != 409) {
                            // a failover may cost 503s (and 409s while a repeated key is still held), nothing else:
                            // not a 500, not a balancer's 502/504, not a request left unanswered (0)
                            System.err.println("unexpected answer " + status);
                            unexpected.incrementAndGet();
                            break;
                        }
                        retried = true;
                        if (System.nanoTime() >= end || Files.exists(stop)) {
                            break; // still unknown when the time is up (the standby may never come back)
                        }
                        sleep(200);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Files.write(out.resolve("acknowledged"), ACKNOWLEDGED);
        Files.write(out.resolve("outages"), outages);
        try (PrintWriter summary = new PrintWriter(Files.newBufferedWriter(out.resolve("summary")))) {
            summary.printf("answers %s (0: no answer)%n", statuses);
            summary.printf("acknowledged creates %d, of them answered after a retry with the same key %d%n",
                    ACKNOWLEDGED.size(), replays.get());
            summary.printf("slowest answer %d ms, longest time without a 2xx %d ms%n",
                    slowestMillis.get(), longestOutageMillis.get());
        }
        Files.writeString(out.resolve("slowest_ms"), Long.toString(slowestMillis.get()));
        Files.writeString(out.resolve("unavailable"),
                Long.toString(statuses.getOrDefault(503, new AtomicLong()).get()));
        System.exit(unexpected.get() == 0 ? 0 : 1);
    }

    /** POSTs one create; 0 when no answer came, -503 for a 503 without Retry-After. Records acknowledged ids. */
    private static int create(HttpClient http, URI base, String key) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/products"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"" + key + "\", \"price\": 1, \"stock_quantity\": 1}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                String body = response.body();
                int at = body.indexOf("\"id\":") + 5;
                ACKNOWLEDGED.add(body.substring(at, body.indexOf(',', at)).trim() + " " + key);
            }
            if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                System.err.println("a 503 without Retry-After: " + response.body());
                return -503; // counted as unexpected
            }
            return response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
