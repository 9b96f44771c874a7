package io.concurrencydb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule ids are one namespace: each is declared once, as {@code <li>C3 ...} in a package-info.java, and a test
 * that names one in its display name proves a rule that exists.
 */
class RuleIdsTest {

    private static final Pattern DECLARED = Pattern.compile("<li>([A-Z]\\d+) ");
    private static final Pattern CITED = Pattern.compile("@DisplayName\\(\"([A-Z]\\d+) ");

    @Test
    void everyIdIsDeclaredOnce() throws IOException {
        Map<String, List<Path>> declared = ids(Path.of("src/main/java"), "package-info.java", DECLARED);

        declared.forEach((id, where) -> assertEquals(1, where.size(), id + " is declared in " + where));
        assertTrue(declared.size() > 50, "found only " + declared.keySet());
    }

    @Test
    void everyCitedIdIsDeclared() throws IOException {
        Map<String, List<Path>> declared = ids(Path.of("src/main/java"), "package-info.java", DECLARED);
        Map<String, List<Path>> cited = ids(Path.of("src/test/java"), ".java", CITED);

        TreeSet<String> undeclared = new TreeSet<>(cited.keySet());
        undeclared.removeAll(declared.keySet());
        assertEquals(new TreeSet<>(), undeclared, "cited by tests but declared in no package-info.java");
        assertTrue(cited.size() > 50, "found only " + cited.keySet());
    }

    private static Map<String, List<Path>> ids(Path root, String suffix, Pattern pattern) throws IOException {
        Map<String, List<Path>> ids = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher id = pattern.matcher(Files.readString(file));
                while (id.find()) {
                    ids.computeIfAbsent(id.group(1), k -> new ArrayList<>()).add(file);
                }
            }
        }
        return ids;
    }
}
