package io.concurrencydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {

    private static final String TABLE = """
            # Benchmark 2026-12-04T02:06Z

            | products | scenario | c | target | req/s | 2xx/s | p50 ms | p99 ms | 2xx | 3xx | 4xx | 5xx | socket errors | vs db | vs peer |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            | 1000 | read | 16 | peer | 3454 | 3454 | 4.22 | 16.18 | 27881 | 0 | 0 | 0 | 0 | | |
            | 1000 | read | 16 | service | 2287 | 2287 | 6.28 | 32.93 | 18427 | 0 | 0 | 0 | 0 | 0.06 | 0.66 |
            | 1000 | read | 16 | pgbench | 37053 tx/s | | | | | | | | | | |
            | 1000 | create | 64 | peer | 1500 | 1500 | 4.22 | 16.18 | 27881 | 0 | 0 | 0 | 0 | | |
            | 1000 | create | 64 | service | 1369 | 1369 | 42.08 | 152.18 | 11033 | 0 | 0 | 0 | 0 | 0.24 | 0.91 |
            | 10000000 | read | 16 | service | 2100 | 2100 | 6.28 | 32.93 | 18427 | 0 | 0 | 0 | 0 | 0.06 | n/a |

            Load average after: 16.35 7.43 3.45.
            """;

    @TempDir
    Path dir;

    @Test
    void everyMeasuredRowIsOneBarAsHighAsItsFigure() throws Exception {
        Path results = Files.writeString(dir.resolve("results.md"), TABLE);
        List<Path> written = Charts.write(results, dir);
        assertEquals(List.of(dir.resolve("throughput-1000.svg"), dir.resolve("throughput-10000000.svg"),
                dir.resolve("sizes.svg")), written);

        List<Element> bars = bars(dir.resolve("throughput-1000.svg"));
        assertEquals(List.of("read/16/service/2287", "read/16/peer/3454", "create/64/service/1369",
                "create/64/peer/1500"), bars.stream().map(ChartsTest::describe).toList(),
                "service next to the peer, scenario by scenario, pgbench left out");
        double pixelsPerResponse = height(bars.get(0)) / 2287;
        for (Element bar : bars) {
            assertEquals(Long.parseLong(bar.getAttribute("data-ok-per-second")) * pixelsPerResponse, height(bar), 0.2,
                    describe(bar));
        }
        assertTrue(height(bars.get(1)) <= 260, "the highest bar fits the plot");

        assertEquals(List.of("read/16/service/2287", "read/16/service/2100", "create/64/service/1369"),
                bars(dir.resolve("sizes.svg")).stream().map(ChartsTest::describe).toList(),
                "by size: the service's figures at each size, side by side");
    }

    @Test
    void gridStepsAreRound() {
        assertEquals(500, Charts.niceStep(3454));
        assertEquals(1, Charts.niceStep(5));
        assertEquals(2_000_000, Charts.niceStep(10_000_000));
    }

    private static List<Element> bars(Path svg) throws Exception {
        NodeList rects = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if ("bar".equals(rect.getAttribute("class"))) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static double height(Element bar) {
        return Double.parseDouble(bar.getAttribute("height"));
    }

    private static String describe(Element bar) {
        return bar.getAttribute("data-scenario") + "/" + bar.getAttribute("data-concurrency") + "/"
                + bar.getAttribute("data-target") + "/" + bar.getAttribute("data-ok-per-second");
    }
}
