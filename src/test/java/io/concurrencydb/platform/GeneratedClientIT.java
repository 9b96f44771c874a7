package io.concurrencydb.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.Tokens;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract clients are generated from: OpenAPI Generator (its java generator, library
 * native, with its validation of the document on, as by default) must accept the document this server serves,
 * the client it writes must compile, and src/test/generated-client/ClientFlow.java, written against that client,
 * must drive the real service: create, read, list, replace, a stale replace surfacing as the client's
 * ApiException 409, delete, and 404 after it, all with a bearer token.
 */
class GeneratedClientIT extends DeployedService {

    @Test
    @DisplayName("a Java client generated from the served /openapi compiles and drives the API, 409 and 404 included")
    void generatedClientWorks() throws Exception {
        Path work = Path.of("target", "generated-client", Server.current().name().toLowerCase(Locale.ROOT));
        clean(work);
        Path document = work.resolve("openapi.json");
        Files.writeString(document, api.get("openapi", "Accept", "application/json").body());

        Path generated = work.resolve("client");
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("products.it.generator"), "generate",
                "-g", "java", "--library", "native", "-i", document.toString(), "-o", generated.toString(),
                "--additional-properties=useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true).redirectOutput(work.resolve("generator.log").toFile()).start();
        assertEquals(0, generator.waitFor(),
                "OpenAPI Generator refused the document: " + work.resolve("generator.log"));

        Path classes = Files.createDirectories(work.resolve("classes"));
        List<File> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(generated.resolve("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> sources.add(file.toFile()));
        }
        sources.add(new File("src/test/generated-client/ClientFlow.java"));
        compile(sources, classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Object seen = loader.loadClass("io.concurrencydb.generated.ClientFlow")
                    .getMethod("run", String.class, String.class)
                    .invoke(null, api.uri("").toString().replaceAll("/$", ""), Tokens.writer());
            assertEquals(List.of(
                    "created version 0 by " + Tokens.callerId("it-writer"),
                    "read Generated",
                    "listed it",
                    "walked",
                    "replaced to version 1 at 2.75",
                    "stale replace 409",
                    "deleted",
                    "read after delete 404"), seen);
        }
    }

    private static void compile(List<File> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(diagnostics, files, null,
                    List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                            "-classpath", System.getProperty("products.it.client.classpath")),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertTrue(compiled, diagnostics::toString);
        }
    }

    private static void clean(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(directory);
    }
}
