package io.concurrencydb.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Real concurrent clients: N threads released at the same instant, each running the same work. */
public final class Race {

    private Race() {
    }

    /** Runs {@code clients} copies of {@code work} at once and returns their results in client order. */
    public static <T> List<T> run(int clients, ClientWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int me = client;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.run(me);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Map<Integer, Long> statusCounts(List<HttpResponse<String>> responses) {
        return responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    @FunctionalInterface
    public interface ClientWork<T> {
        T run(int client) throws Exception;
    }
}
