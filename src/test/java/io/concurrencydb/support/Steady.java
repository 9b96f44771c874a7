package io.concurrencydb.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved client beside misbehaving ones: one request every interval on its own thread, each timed and
 * given up after 5 s, until closed. Tells how many were sent, how many failed (no answer, or not 2xx) and the p99.
 */
public final class Steady implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failed = new AtomicInteger();
    private final String name;
    private final Thread thread;
    private volatile boolean running = true;

    private Steady(String name, Duration every, HttpRequest.Builder request) {
        this.name = name;
        thread = new Thread(() -> {
            while (running) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                long took = System.nanoTime() - start;
                millis.add(Duration.ofNanos(took).toMillis());
                try {
                    Thread.sleep(Math.max(0, every.toMillis() - Duration.ofNanos(took).toMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** GET {@code uri} every {@code every}. */
    public static Steady every(String name, Duration every, URI uri, String token) {
        return every(name, every, HttpRequest.newBuilder(uri).GET(), token);
    }

    public static Steady every(String name, Duration every, HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new Steady(name, every, request);
    }

    public int sent() {
        return millis.size();
    }

    public int failed() {
        return failed.get();
    }

    public long p99Millis() {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    @Override
    public String toString() {
        return name + ": " + sent() + " sent, " + failed() + " failed, p99 " + p99Millis() + " ms";
    }
}
