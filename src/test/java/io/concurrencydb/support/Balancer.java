package io.concurrencydb.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy in front of instances on this machine, configured by the file the project ships
 * (docker/haproxy/haproxy.cfg) with only the addresses changed: what is tested is what users deploy.
 * HAProxy comes from the distribution's packages, installed when missing.
 */
public final class Balancer implements AutoCloseable {

    private static final Path SHIPPED = Path.of("docker", "haproxy", "haproxy.cfg");

    private final Process process;
    private final int port;
    private final Path log;

    private Balancer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts HAProxy balancing over the instances listening on {@code ports} (none need be up). */
    public static Balancer start(String name, List<Integer> ports) throws IOException, InterruptedException {
        Packages.ensure(Path.of("/usr/sbin/haproxy"), "haproxy");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String servers = IntStream.range(0, ports.size())
                .mapToObj(i -> "    server products" + (i + 1) + " 127.0.0.1:" + ports.get(i) + " check")
                .collect(Collectors.joining("\n"));
        String config = Files.readString(SHIPPED)
                .replace("/usr/local/etc/haproxy/errors", SHIPPED.getParent().toAbsolutePath().toString())
                .replace("bind :8080", "bind 127.0.0.1:" + port)
                .replaceAll("(?m)^resolvers docker\\n(    .*\\n)+", "")
                .replaceAll("(?m)^    server-template .*$", servers);
        Path dir = Files.createDirectories(Path.of("target", "haproxy"));
        Path file = dir.resolve(name + ".cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        Balancer balancer = new Balancer(process, port, dir.resolve(name + ".log"));
        balancer.awaitListening(balancer.log);
        return balancer;
    }

    /** A client of the service through the balancer. */
    public Api api() throws IOException {
        return new Api(url());
    }

    public int port() {
        return port;
    }

    /** HAProxy's log: one line per request (option httplog), naming the instance that answered or {@code <NOSRV>}. */
    public Path log() {
        return log;
    }

    public URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/").toURL();
    }

    private void awaitListening(Path log) throws InterruptedException, IOException {
        if (Await.within(Duration.ofSeconds(20), Duration.ofMillis(100), () -> !process.isAlive() || listening(port))
                && process.isAlive()) {
            return;
        }
        close();
        throw new IllegalStateException("HAProxy did not start: " + Files.readString(log));
    }

    static boolean listening(int port) throws IOException {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
