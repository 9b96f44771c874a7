package io.concurrencydb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Browser;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.Server;
import io.concurrencydb.support.Tokens;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages a person opens: the front page, and the race drawn from the API's answers and the change feed. */
class SitePagesIT extends DeployedService {

    private static final String[] STRATEGIES = {"naive", "atomic", "optimistic", "pessimistic", "serializable"};
    private static final int STOCK = 20;
    // Enough for naive's stock to reach 0 on any server: buyers race in five lanes, and when the lanes run in
    // step (five reads, then five writes, as they did once on WildFly) each five buyers take one unit, so 20 units
    // need 100 buyers; with 60 it once stopped above 0 there
    private static final int BUYERS = 150;

    @Test
    @DisplayName("W1 / says the database is up, the runtime, the Java and the WAR's version, links every page, "
            + "and loads nothing from elsewhere")
    void frontPage() throws IOException {
        HttpResponse<String> page = api.get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("id=\"database-state\">up</span> PostgreSQL "), html);
        assertFalse(field(html, "runtime").isBlank(), "the runtime is named");
        assertTrue(field(html, "java").matches("\\d+[^ ]* \\(.+\\)"), field(html, "java"));
        try (JarFile war = new JarFile(new File("target/products.war"))) {
            assertEquals(war.getManifest().getMainAttributes().getValue("Implementation-Version"),
                    field(html, "version"));
        }
        for (String link : List.of("race/", "docs", "redoc", "openapi", "api/products", "api/products/events",
                "health", "site.css")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
        }
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (assets.find()) {
            assertFalse(assets.group(1).contains("//"), assets.group(1) + " would leave the server");
        }
        assertEquals(200, api.get("site.css").statusCode());
        System.out.println("front page on " + Server.current() + ": " + field(html, "runtime") + "; Java "
                + field(html, "java") + "; " + field(html, "version"));
    }

    @Test
    @DisplayName("W2 the race in headless Chromium, signed in by a link's fragment and started from the keyboard: "
            + "every strategy's drawn stock is the change feed's, naive's marks show more sold than units and the "
            + "stock at zero, every other strategy's marks add up to the stock exactly; two editors drawn; a "
            + "screenshot kept")
    void racePageDrawsTheRace() throws Exception {
        long before = api.feedHead();
        ChromeDriver browser = Browser.start();
        try {
            // the token as the run command's link carries it: in the fragment, taken and removed by the page
            String token = Tokens.writer();
            browser.get(api.uri("race/").toString() + "#token=" + token);
            assertEquals(token, browser.findElement(By.id("token")).getDomProperty("value"));
            assertFalse(browser.getCurrentUrl().contains("token"), browser.getCurrentUrl());
            type(browser, "stock", STOCK);
            type(browser, "buyers", BUYERS);
            browser.findElement(By.id("all")).sendKeys(Keys.ENTER);
            awaitDone(browser, Duration.ofSeconds(180));
            assertEquals(STRATEGIES.length, browser.findElements(By.cssSelector("#results tbody tr")).size());

            for (String strategy : STRATEGIES) {
                String run = "#stock-chart g.run[data-strategy='" + strategy + "']";
                long product = Long.parseLong(read(browser, run, "data-product").get(0).get(0));
                int remaining = Integer.parseInt(cell(browser, strategy, "remaining"));
                // the feed's last events can arrive after the run's last answer; each redraws the chart
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> last(drawn(browser, run)) == remaining);
                List<List<Integer>> drawn = drawn(browser, run);
                assertEquals(feed(before, product), drawn, strategy + ": the drawn stock is the feed's");

                Map<String, Long> marks = read(browser, ".marks[data-strategy='" + strategy + "'] .mark", "data-outcome")
                        .stream().collect(Collectors.groupingBy(mark -> mark.get(0), Collectors.counting()));
                long toldSold = marks.getOrDefault("sold", 0L) + marks.getOrDefault("retried", 0L)
                        + marks.getOrDefault("lost", 0L);
                assertEquals(cell(browser, strategy, "successes"), Long.toString(toldSold), strategy);
                assertEquals(cell(browser, strategy, "lost"), Long.toString(marks.getOrDefault("lost", 0L)), strategy);
                assertEquals(0, marks.getOrDefault("waiting", 0L) + marks.getOrDefault("failed", 0L), strategy);
                String result = "#results-chart g.result[data-strategy='" + strategy + "']";
                List<String> bars = read(browser, result, "data-sold", "data-oversold").get(0);
                assertEquals(Long.toString(toldSold), bars.get(0));
                assertEquals(cell(browser, strategy, "oversold"), bars.get(1));
                boolean oversoldBar = !read(browser, result + " rect.oversold", "class").isEmpty();
                int promised = Integer.parseInt(read(browser, run + " polyline.promised", "data-end").get(0).get(0));
                assertEquals(STOCK - toldSold, promised, strategy + ": the promised line ends at stock less sold");
                if (strategy.equals("naive")) {
                    assertTrue(toldSold > STOCK, "naive: " + toldSold + " buyers told sold for " + STOCK + " units");
                    assertTrue(marks.getOrDefault("lost", 0L) > 0, "naive: sales shown lost " + marks);
                    assertTrue(drawn.stream().anyMatch(change -> change.get(1) == 0), "naive: the stock reaches 0");
                    assertTrue(oversoldBar, "an oversold bar");
                } else {
                    assertEquals(STOCK, toldSold, strategy + ": the marks add up to the stock");
                    assertEquals(BUYERS - STOCK, marks.getOrDefault("rejected", 0L), strategy);
                    assertEquals(0, remaining, strategy);
                    assertFalse(oversoldBar, strategy);
                }
                System.out.println("race page, " + strategy + ": marks " + marks + ", " + drawn.size()
                        + " changes drawn, the feed's");
            }

            browser.findElement(By.id("editors-play")).click();
            awaitDone(browser, Duration.ofSeconds(30));
            String versioned = "#editors g.editors[data-versioned='true']";
            String unversioned = "#editors g.editors[data-versioned='false']";
            assertEquals(List.of("", "", "200", "412", "200"), statuses(browser, versioned));
            assertEquals(List.of("", "", "200", "200"), statuses(browser, unversioned));
            assertEquals("false", read(browser, versioned + " g.stored", "data-lost").get(0).get(0));
            assertEquals("true", read(browser, unversioned + " g.stored", "data-lost").get(0).get(0));

            screenshot(browser);
            // a narrow window: the page reflows instead of scrolling sideways
            browser.manage().window().setSize(new Dimension(400, 900));
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
        } finally {
            browser.quit();
        }
    }

    private static void type(ChromeDriver browser, String field, int value) {
        browser.findElement(By.id(field)).clear();
        browser.findElement(By.id(field)).sendKeys(Integer.toString(value));
    }

    private static void awaitDone(ChromeDriver browser, Duration limit) {
        new WebDriverWait(browser, limit).until(driver -> {
            String status = driver.findElement(By.id("status")).getText();
            assertFalse(status.startsWith("failed"), status);
            return status.equals("done");
        });
    }

    private static String cell(ChromeDriver browser, String strategy, String column) {
        return browser.findElement(By.cssSelector("#results tr[data-strategy='" + strategy + "'] td." + column))
                .getDomProperty("textContent");
    }

    /**
     * The named attributes of every element a selector matches, read by one script: the charts redraw as the
     * feed's events arrive, so elements found by one call can be gone by the next.
     */
    @SuppressWarnings("unchecked")
    private static List<List<String>> read(ChromeDriver browser, String selector, String... attributes) {
        return (List<List<String>>) browser.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => arguments[1].map(name => e.getAttribute(name)))", selector, List.of(attributes));
    }

    /** A run's drawn changes, as [version, stock]. */
    private static List<List<Integer>> drawn(ChromeDriver browser, String run) {
        return read(browser, run + " circle.change", "data-version", "data-stock").stream()
                .map(point -> List.of(Integer.parseInt(point.get(0)), Integer.parseInt(point.get(1))))
                .toList();
    }

    private static int last(List<List<Integer>> changes) {
        return changes.isEmpty() ? -1 : changes.get(changes.size() - 1).get(1);
    }

    private static List<String> statuses(ChromeDriver browser, String panel) {
        return read(browser, panel + " g.step", "data-status").stream().map(step -> step.get(0)).toList();
    }

    /** The product's changes in the feed after a position, as [version, stock]. */
    private List<List<Integer>> feed(long after, long product) {
        return api.events(after).stream()
                .filter(event -> event.getJsonNumber("product_id").longValue() == product && !event.isNull("product"))
                .map(event -> List.of(event.getInt("version"), event.getJsonObject("product").getInt("stock_quantity")))
                .toList();
    }

    private static void screenshot(ChromeDriver browser) throws IOException {
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1300, ((Number) height).intValue() + 150));
        Path file = Path.of("target", "failsafe-reports", "race-" + Server.current().name().toLowerCase() + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        System.out.println("race page screenshot: " + file);
    }

    private static String field(String html, String id) {
        Matcher value = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertTrue(value.find(), id + " on the page");
        return value.group(1).strip();
    }
}
