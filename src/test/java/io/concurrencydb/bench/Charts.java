package io.concurrencydb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws the benchmark's table (target/bench/results.md) as SVG charts, beside it: successful responses per
 * second by scenario and concurrency, the service next to the peer ({@code throughput-<products>.svg}, one per
 * catalogue size), and, when the run had several sizes, the service at each size ({@code sizes.svg}). Plain SVG
 * from the JDK alone, so the benchmark runs it as a source file ({@code java Charts.java results.md dir}) and the
 * documentation shows the files as they are. Each bar carries its figures as data attributes, for tests and
 * for anyone reading the file.
 *
 * <p>Reads every table row whose target is {@code service} or {@code peer}; a table without a products column
 * (runs before 2026-12-03) counts as one size.
 */
public final class Charts {

    private static final int BAR = 18;
    private static final int GAP = 14;
    private static final int PLOT_HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int TOP = 48;
    private static final int BOTTOM = 96;
    private static final Map<String, String> COLOURS = Map.of("service", "#2b6cb0", "peer", "#dd8452");
    private static final String[] SIZE_COLOURS = {"#2b6cb0", "#55a868", "#c44e52", "#8172b3"};

    /** One row of the table: where it was measured and what it gave. */
    record Row(String products, String scenario, int concurrency, String target, long ok) {
    }

    private Charts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Charts.java <results.md> <output directory>");
            System.exit(2);
        }
        for (Path written : write(Path.of(args[0]), Path.of(args[1]))) {
            System.err.println("chart: " + written);
        }
    }

    /** Writes the charts of {@code results} into {@code directory}; returns the files written. */
    public static List<Path> write(Path results, Path directory) throws IOException {
        List<Row> rows = read(Files.readAllLines(results, StandardCharsets.UTF_8));
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Set<String> sizes = new LinkedHashSet<>();
        rows.forEach(row -> sizes.add(row.products()));
        for (String size : sizes) {
            List<Row> atSize = rows.stream().filter(row -> row.products().equals(size)).toList();
            String title = "Successful responses per second" + (size.isEmpty() ? "" : ", " + grouped(size) + " products");
            Path file = directory.resolve("throughput" + (size.isEmpty() ? "" : "-" + size) + ".svg");
            Files.writeString(file, chart(title, atSize, Row::target, COLOURS), StandardCharsets.UTF_8);
            written.add(file);
        }
        if (sizes.size() > 1) {
            List<Row> service = rows.stream().filter(row -> row.target().equals("service")).toList();
            Map<String, String> colours = new LinkedHashMap<>();
            int i = 0;
            for (String size : sizes) {
                colours.put(size, SIZE_COLOURS[i++ % SIZE_COLOURS.length]);
            }
            Path file = directory.resolve("sizes.svg");
            Files.writeString(file, chart("The service's successful responses per second by catalogue size", service,
                    Row::products, colours), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    static List<Row> read(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                columns = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.contains("scenario") && cells.contains("target")) {
                columns = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    columns.put(cells.get(i), i);
                }
                continue;
            }
            if (columns == null || cells.size() < columns.size()) {
                continue;
            }
            String target = cells.get(columns.get("target"));
            if (target.equals("service") || target.equals("peer")) {
                Integer products = columns.get("products");
                rows.add(new Row(products == null ? "" : cells.get(products), cells.get(columns.get("scenario")),
                        Integer.parseInt(cells.get(columns.get("c"))), target,
                        Long.parseLong(cells.get(columns.get("2xx/s")))));
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** Grouped bars: one group per scenario and concurrency, one bar per series in it. */
    private static String chart(String title, List<Row> rows, Function<Row, String> series,
            Map<String, String> colours) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.scenario() + " c=" + row.concurrency(), key -> new ArrayList<>()).add(row);
            seen.add(series.apply(row));
        }
        // the service first, then the peer; sizes in the order the run measured them
        List<String> names = new ArrayList<>(seen);
        names.sort(Comparator.comparingInt(name -> name.equals("service") ? 0 : name.equals("peer") ? 1 : 2));
        long max = Math.max(1, rows.stream().mapToLong(Row::ok).max().orElse(1));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        int groupWidth = names.size() * BAR + GAP;
        int width = LEFT + groups.size() * groupWidth + 24;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", width, height,
                width, height));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 20, escape(title), "start", "font-size=\"14\" font-weight=\"bold\""));
        int legendX = LEFT;
        for (String name : names) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    legendX, colours.getOrDefault(name, "#888888")));
            String label = name.matches("\\d+") ? grouped(name) + " products" : name;
            svg.append(text(legendX + 14, 37, escape(label), "start", ""));
            legendX += 24 + label.length() * 7;
        }
        for (long tick = 0; tick <= top; tick += step) {
            int y = TOP + PLOT_HEIGHT - (int) Math.round((double) tick * PLOT_HEIGHT / top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>%n",
                    LEFT, y, width - 16, y));
            svg.append(text(LEFT - 6, y + 4, grouped(Long.toString(tick)), "end", ""));
        }
        int x = LEFT + GAP / 2;
        for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
            int barX = x;
            for (String name : names) {
                for (Row row : group.getValue()) {
                    if (!series.apply(row).equals(name)) {
                        continue;
                    }
                    double h = (double) row.ok() * PLOT_HEIGHT / top;
                    svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%d\" "
                                    + "height=\"%.1f\" fill=\"%s\" data-products=\"%s\" data-scenario=\"%s\" "
                                    + "data-concurrency=\"%d\" data-target=\"%s\" data-ok-per-second=\"%d\">"
                                    + "<title>%s</title></rect>%n",
                            barX, TOP + PLOT_HEIGHT - h, BAR - 2, h, colours.getOrDefault(name, "#888888"),
                            escape(row.products()), escape(row.scenario()), row.concurrency(), escape(row.target()),
                            row.ok(), escape(group.getKey() + ", " + name + ": " + grouped(Long.toString(row.ok()))
                                    + " 2xx/s")));
                }
                barX += BAR;
            }
            int labelX = x + (names.size() * BAR) / 2;
            int labelY = TOP + PLOT_HEIGHT + 10;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
                    + "transform=\"rotate(-45 %d %d)\">%s</text>%n", labelX, labelY, labelX, labelY,
                    escape(group.getKey())));
            x += groupWidth;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, width - 16, TOP + PLOT_HEIGHT));
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, giving four to ten grid lines. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max / (step * factor) <= 8) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static String text(int x, int y, String content, String anchor, String more) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                more, content);
    }

    private static String grouped(String digits) {
        return digits.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(digits)) : digits;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
