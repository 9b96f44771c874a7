package io.concurrencydb.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Stoplight Prism as a validating proxy between a suite and the server: it reads the OpenAPI document the server
 * serves and checks every response the suite receives against it, so that a status, header or body the
 * document does not declare is a finding. Requests are not validated: the hostile-input tests send invalid
 * ones on purpose. The system property {@code products.it.prism} names the test classes to run through it
 * (.ci/run's second stage names the contract and concurrency suites); Prism comes from npm, installed under
 * target/npm when missing. Each such class gets its own proxy and log under target/prism.
 *
 * <p>Prism is not a transparent proxy, so not every suite can run behind it: it re-serialises JSON bodies
 * (149.90 arrives as 149.9), fails HEAD and OPTIONS answers without a body ("invalid json response body"),
 * follows the docs' redirects, and never answers a request that offers the h2c upgrade, as Java's HttpClient
 * does by default (GeneratedClientIT). ProductsApiIT, HostileInputIT, MonitoringIT, GeneratedClientIT,
 * ChangeFeedIT (event streams) and ScaledOutIT (through HAProxy) run without it.
 */
public final class ValidatingProxy implements AutoCloseable {

    private static final String PRISM_VERSION = "5.16.0";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final URL url;
    private final Path log;

    private ValidatingProxy(Process process, URL url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Whether the suite runs {@code testClass} behind Prism. */
    public static boolean wanted(Class<?> testClass) {
        List<String> classes = Arrays.asList(System.getProperty("products.it.prism", "").split(","));
        return classes.contains(testClass.getSimpleName());
    }

    public static ValidatingProxy start(URL upstream, String name) throws IOException, InterruptedException {
        String command = NpmTools.ensure("@stoplight/prism-cli", PRISM_VERSION, "prism").toString();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = Files.createDirectories(Path.of("target", "prism"));
        Path log = dir.resolve(name + ".log");
        String server = upstream.toString().replaceAll("/$", "");
        ProcessBuilder prism = new ProcessBuilder(List.of(command, "proxy", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--cors=false", "--validate-request=false", "--errors=false",
                server + "/openapi", server))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // headers up to 64 KiB, as the servers take them (Node's default, 16 KiB, refused a 27 KB token)
        prism.environment().put("NODE_OPTIONS", "--max-http-header-size=65536");
        Process process = prism.start();
        if (Await.within(STARTUP, Duration.ofMillis(200), () -> !process.isAlive() || Balancer.listening(port))
                && process.isAlive()) {
            return new ValidatingProxy(process, URI.create("http://127.0.0.1:" + port + "/").toURL(), log);
        }
        Processes.stop(process);
        throw new IllegalStateException("Prism did not start: " + Files.readString(log));
    }

    public URL url() {
        return url;
    }

    /**
     * What Prism found wrong with the responses so far, one line per violation. Its findings on requests (a
     * bearer token on a public operation is "Invalid security scheme used") are left out, as the requests are.
     */
    public List<String> violations() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("Violation: response")).toList();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
