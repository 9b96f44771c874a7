package io.concurrencydb.support;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The README's run command: the built WAR on Payara Micro, against DB_URL or else an embedded PostgreSQL,
 * schema applied, ready when /health/ready and the API answer. Ctrl-C stops the server and the database.
 */
public final class DevServer {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Database database = System.getenv("DB_URL") == null
                ? Database.embedded(target.resolve("run-pg"), freePort())
                : Database.fromEnvironment();
        database.applySchema(Path.of("init.sql"));

        Path log = target.resolve("payara-micro.log");
        ProcessBuilder payara = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the JDBC pool's statistics need Payara's monitoring agent (see pre-boot-commands.asadmin)
                "-javaagent:" + target.resolve("server-lib/flashlight-agent.jar"),
                "-jar", jarOf(PayaraMicro.class),
                "--nohazelcast", // one instance needs no data grid; starting none saves about a second
                "--port", Integer.toString(port),
                "--addlibs", jarOf(org.postgresql.Driver.class),
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.asadmin",
                "--postbootcommandfile", "src/main/payara/post-boot-commands.asadmin",
                "--deploy", target.resolve("products.war").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        payara.environment().putAll(database.serverEnvironment());
        Process server = payara.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database)));

        System.out.println("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
        Instant started = Instant.now();
        String base = "http://localhost:" + port + "/";
        if (!awaitReady(server, base, started.plus(STARTUP_LIMIT))) {
            System.out.println("The service did not become ready; the end of " + log + ":");
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            System.exit(1);
        }
        System.out.printf("Products service ready at %s in %.1f s (database: %s). Ctrl-C stops it.%n",
                base, Duration.between(started, Instant.now()).toMillis() / 1000.0, database.url());
        System.exit(server.waitFor());
    }

    /** Waits until readiness is UP and the API answers: Payara Micro logs "ready" even if deployment failed. */
    private static boolean awaitReady(Process server, String base, Instant deadline) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            if (answers(http, base + "health/ready") && answers(http, base + "api/products?limit=1")) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static boolean answers(HttpClient http, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process server, Database database) {
        server.destroy();
        try {
            server.waitFor();
            database.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private DevServer() {
    }
}
