package io.concurrencydb.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Debian packages a test needs (HAProxy, Chromium, promtool), installed with apt-get when missing. */
public final class Packages {

    private Packages() {
    }

    /** Installs {@code packages} unless {@code binary} is already there; an outdated index is updated once. */
    public static void ensure(Path binary, String... packages) throws IOException, InterruptedException {
        if (Files.isExecutable(binary)) {
            return;
        }
        List<String> sudo = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo");
        List<String> install = new ArrayList<>(sudo);
        install.addAll(List.of("apt-get", "install", "-y", "-q"));
        install.addAll(Arrays.asList(packages));
        if (run(install) != 0) {
            List<String> update = new ArrayList<>(sudo);
            update.addAll(List.of("apt-get", "update", "-q"));
            run(update);
            if (run(install) != 0) {
                throw new IOException("could not install " + String.join(" and ", packages)
                        + " with apt-get: see target/apt.log");
            }
        }
    }

    /** Output to target/apt.log: the test JVM's own stdout and stdin are its test runner's channel. */
    private static int run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target")).resolve("apt.log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor();
    }
}
