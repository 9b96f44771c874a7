package io.concurrencydb.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the run command starts Payara Micro quickly: from a launcher jar over a runtime unpacked once under
 * target/payara-launcher ({@code --outputlauncher}), with JDK 25's ahead-of-time cache of the classes and method
 * profiles of a start (JEP 483, 514, 515). The cache can only hold classes of the JDK's own class loaders,
 * which the launcher's flat class path gives Payara's jars; the WAR's classes are not in it. The first run
 * records the cache when the server stops, later runs use it: ready in 8.0-9.2 s against 12.1-12.7 s from
 * payara-micro.jar (alternating launches, 2026-12-03). On a JDK older than 25 the launcher is used without it.
 */
final class Launcher {

    /** -XX:AOTCacheOutput, recording and using a cache in one flag, came with JDK 25. */
    private static final boolean CACHING = Runtime.version().feature() >= 25;

    private final Path root;
    private final boolean recording;

    private Launcher(Path root, boolean recording) {
        this.root = root;
        this.recording = recording;
    }

    /**
     * Unpacks the runtime for {@code payaraJar} with the driver on its class path, unless already done for the same
     * jars, JDK and JVM flags (a cache recorded with other flags, another collector say, would go unused).
     */
    static Launcher prepare(Path root, String payaraJar, String driverJar, Path jvmOptions)
            throws IOException, InterruptedException {
        Path madeFrom = root.resolve("made-from");
        String origin = String.join("\n", payaraJar, driverJar, Runtime.version().toString(),
                Files.readString(jvmOptions));
        if (!Files.isRegularFile(madeFrom) || !Files.readString(madeFrom).equals(origin)) {
            deleteTree(root);
            Process unpack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", payaraJar, "--rootdir", root.toString(), "--addlibs", driverJar, "--outputlauncher")
                    .redirectErrorStream(true).redirectOutput(root.resolveSibling("payara-launcher.log").toFile())
                    .start();
            if (unpack.waitFor() != 0 || !Files.isRegularFile(root.resolve("launch-micro.jar"))) {
                throw new IllegalStateException("Payara Micro could not write its launcher: see "
                        + root.resolveSibling("payara-launcher.log"));
            }
            Files.copy(root.resolve("config/domain.xml"), root.resolve("domain.xml.unpacked"));
            Files.writeString(madeFrom, origin);
        }
        // A root directory remembers what was deployed: without this the WAR of the last run would be deployed at
        // boot and the new one after it.
        deleteTree(root.resolve("applications"));
        Files.copy(root.resolve("domain.xml.unpacked"), root.resolve("config/domain.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        return new Launcher(root, CACHING && !Files.isRegularFile(root.resolve("products.aot")));
    }

    Path jar() {
        return root.resolve("launch-micro.jar");
    }

    List<String> cacheOptions() {
        if (!CACHING) {
            return List.of();
        }
        return List.of((recording ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + root.resolve("products.aot"));
    }

    Optional<String> recordingNote() {
        return recording ? Optional.of("No ahead-of-time cache yet: the server records one when it stops (that "
                + "takes about 15 s), and later starts are about 4 s faster.") : Optional.empty();
    }

    private static void deleteTree(Path tree) throws IOException {
        if (Files.exists(tree)) {
            try (var paths = Files.walk(tree)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
