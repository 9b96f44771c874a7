package io.concurrencydb.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line tools from the npm registry (Redocly CLI, Stoplight Prism), installed with the machine's npm under
 * target/npm when missing, at the version the test names.
 */
public final class NpmTools {

    private static final Path PREFIX = Path.of("target", "npm");

    private NpmTools() {
    }

    /** The path of {@code bin} from {@code pkg} at {@code version}, installed first if need be. */
    public static synchronized Path ensure(String pkg, String version, String bin)
            throws IOException, InterruptedException {
        Path command = PREFIX.resolve("node_modules").resolve(".bin").resolve(bin).toAbsolutePath();
        if (!Files.isExecutable(command)) {
            Files.createDirectories(PREFIX);
            // Output to a file, and no inherited stdin: Node makes an inherited stdin non-blocking, and the test
            // JVM's own stdin is the channel its test runner reads ("std/in stream corrupted" failed a CI run).
            Path log = PREFIX.resolve("install.log");
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    PREFIX.toString(), pkg + "@" + version)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (npm.waitFor() != 0 || !Files.isExecutable(command)) {
                throw new IOException("could not install " + pkg + "@" + version + " with npm: see " + log);
            }
        }
        return command;
    }
}
