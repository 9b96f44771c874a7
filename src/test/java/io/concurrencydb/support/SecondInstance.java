package io.concurrencydb.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Another instance of the service on the suite's database: Payara Micro started from the same jar, driver and
 * boot commands as the run command, with the WAR the build produced. Whatever server the suite runs on, this
 * shows what two instances on one database do.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SecondInstance start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** An instance whose environment has {@code settings} besides the suite's database and token settings. */
    public static SecondInstance start(Map<String, String> settings) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Path.of("target", "second-instance.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + System.getProperty("products.jvmoptions"),
                "-jar", System.getProperty("payara.microJar"),
                "--nohazelcast", "--port", Integer.toString(port),
                "--addlibs", System.getProperty("postgresql.driver.jar"),
                "--prebootcommandfile", System.getProperty("products.preboot"),
                "--postbootcommandfile", System.getProperty("products.postboot"),
                "--deploy", Path.of("target", "products.war").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(TestDatabaseSession.database().serverEnvironment());
        builder.environment().putAll(settings);
        SecondInstance instance = new SecondInstance(builder.start(), port);
        instance.awaitReady(log);
        return instance;
    }

    public int port() {
        return port;
    }

    public Api api() {
        try {
            return new Api(URI.create("http://127.0.0.1:" + port + "/").toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        if (Await.within(Duration.ofMinutes(3), Duration.ofMillis(500),
                () -> !process.isAlive() || http.send(ready, BodyHandlers.discarding()).statusCode() == 200)
                && process.isAlive()) {
            return;
        }
        close();
        throw new IllegalStateException("the second instance did not become ready; see " + log);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
