package io.concurrencydb.dev;

import fish.payara.micro.PayaraMicro;
import io.concurrencydb.support.Database;
import io.concurrencydb.support.Tokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The README's run command (mvn -Prun package), kept apart from the test support it borrows from: the built WAR on Payara Micro, against DB_URL or else an embedded PostgreSQL,
 * schema applied, ready when /health/ready and the API answer. Ctrl-C stops the server and the database.
 *
 * <p>Bearer tokens: with MP_JWT_VERIFY_PUBLICKEY or MP_JWT_VERIFY_PUBLICKEY_LOCATION in the environment the server
 * trusts that key (an identity provider's, or one shared by several instances) and nothing is made here.
 * Otherwise a development key pair is kept under target/dev-jwt, the server trusts it, and a writer's and a
 * reader's token are printed and saved beside it, ready for curl and Swagger UI.
 */
public final class DevServer {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Path DEV_KEYS = Path.of("target", "dev-jwt");
    private static final String DEV_ISSUER = "urn:products:dev";
    private static final Duration DEV_TOKEN_LIFETIME = Duration.ofHours(12);

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Database database = System.getenv("DB_URL") == null
                ? Database.embedded(target.resolve("run-pg"), freePort())
                : Database.fromEnvironment();
        database.applySchema(Path.of("init.sql"));

        Path log = target.resolve("payara-micro.log");
        Path jvmOptions = Path.of("src", "main", "payara", "jvm.options");
        Launcher launcher = Launcher.prepare(target.resolve("payara-launcher"), jarOf(PayaraMicro.class),
                jarOf(org.postgresql.Driver.class), jvmOptions);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions)); // heap and collector, as the Docker image and the benchmark
        command.addAll(launcher.cacheOptions());
        command.addAll(List.of(
                // the JDBC pool's statistics need Payara's monitoring agent (see pre-boot-commands.asadmin)
                "-javaagent:" + target.resolve("server-lib/flashlight-agent.jar"),
                "-jar", launcher.jar().toString(),
                "--nohazelcast", // one instance needs no data grid; starting none saves about a second
                "--port", Integer.toString(port),
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.asadmin",
                "--postbootcommandfile", "src/main/payara/post-boot-commands.asadmin",
                "--deploy", target.resolve("products.war").toString()));
        ProcessBuilder payara = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        payara.environment().putAll(database.serverEnvironment());
        String base = "http://localhost:" + port + "/";
        List<String> tokenLines = trustTokens(payara.environment(), base);
        Process server = payara.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database)));

        System.out.println("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
        launcher.recordingNote().ifPresent(System.out::println);
        Instant started = Instant.now();
        if (!awaitReady(server, base, started.plus(STARTUP_LIMIT))) {
            System.out.println("The service did not become ready; the end of " + log + ":");
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            System.exit(1);
        }
        tokenLines.forEach(System.out::println);
        System.out.printf("Products service ready at %s in %.1f s (database: %s). Ctrl-C stops it.%n",
                base, Duration.between(started, Instant.now()).toMillis() / 1000.0, database.url());
        System.exit(server.waitFor());
    }

    /**
     * Points the server at the token key the environment names, or else at the development key pair, whose
     * tokens it then mints. Returns what to tell the user: with development tokens, also a link to the race page
     * carrying the writer's token in its fragment, which a browser never sends (so no access log holds it).
     */
    private static List<String> trustTokens(Map<String, String> environment, String base) throws IOException {
        if (environment.containsKey("MP_JWT_VERIFY_PUBLICKEY")
                || environment.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            return List.of("Bearer tokens: verified with the key MP_JWT_VERIFY_PUBLICKEY(_LOCATION) names, issuer "
                    + environment.getOrDefault("MP_JWT_VERIFY_ISSUER", "(MP_JWT_VERIFY_ISSUER unset)")
                    + ", audience " + environment.getOrDefault("MP_JWT_VERIFY_AUDIENCES",
                    "(MP_JWT_VERIFY_AUDIENCES unset)"));
        }
        KeyPair keys = Tokens.loadOrCreate(DEV_KEYS);
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                DEV_KEYS.resolve("public.pem").toAbsolutePath().toUri().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", DEV_ISSUER);
        environment.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
        String writer = Tokens.sign(Tokens.header().remove("kid"),
                Tokens.claims(DEV_ISSUER, "dev-writer", DEV_TOKEN_LIFETIME, "writer", "reader").build(),
                keys.getPrivate());
        String reader = Tokens.sign(Tokens.header().remove("kid"),
                Tokens.claims(DEV_ISSUER, "dev-reader", DEV_TOKEN_LIFETIME, "reader").build(), keys.getPrivate());
        Files.writeString(DEV_KEYS.resolve("writer.token"), writer);
        Files.writeString(DEV_KEYS.resolve("reader.token"), reader);
        return List.of(
                "Development bearer tokens (key pair in " + DEV_KEYS + ", valid for 12 hours):",
                "  writer (" + DEV_KEYS.resolve("writer.token") + "): " + writer,
                "  reader (" + DEV_KEYS.resolve("reader.token") + "): " + reader,
                "The race, signed in as the writer: " + base + "race/#token=" + writer);
    }

    /** Waits until readiness is UP and the API answers: Payara Micro logs "ready" even if deployment failed. */
    private static boolean awaitReady(Process server, String base, Instant deadline) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            // the API answers 401 when AUTH_REQUIRED=all: served, which is all this waits for
            if (status(http, base + "health/ready") == 200
                    && Set.of(200, 401).contains(status(http, base + "api/products?limit=1"))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static int status(HttpClient http, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
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
