package io.concurrencydb.catalog;

import static io.concurrencydb.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.support.Api;
import io.concurrencydb.support.Database;
import io.concurrencydb.support.DeployedService;
import io.concurrencydb.support.NpmTools;
import io.concurrencydb.support.TestDatabaseSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** CONTRACT.md section 1, row by row, over HTTP against the deployed WAR. */
class ProductsApiIT extends DeployedService {

    /** The Redocly CLI the served document is checked with. */
    private static final String REDOCLY_VERSION = "2.77.0";

    @Test
    @DisplayName("C2 a created product starts at version 0 and is found at its Location")
    void createAnswers201WithLocationAndVersionZero() throws Exception {
        HttpResponse<String> created = api.post("api/products",
                "{\"name\": \"Desk\", \"description\": \"Oak\", \"price\": 250.50, \"stock_quantity\": 4}");

        assertEquals(201, created.statusCode());
        JsonObject product = Api.json(created);
        assertEquals(api.uri("api/products/" + product.getInt("id")).getPath(),
                java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("Desk", product.getString("name"));
        assertEquals("Oak", product.getString("description"));
        assertEquals(new BigDecimal("250.50"), product.getJsonNumber("price").bigDecimalValue());
        assertEquals(4, product.getInt("stock_quantity"));
        assertEquals(0, product.getInt("version"));
        assertTrue(product.getString("created_at").endsWith("Z"));
        assertEquals(product.getString("created_at"), product.getString("updated_at"));
        assertEquals(1, TestDatabaseSession.database().count(
                "SELECT count(*) FROM products WHERE id = ? AND created_at = ?::timestamptz",
                product.getInt("id"), product.getString("created_at")), "created_at is the stored instant");
        assertEquals(product, api.product(product.getInt("id")));
    }

    @Test
    @DisplayName("C1 description is optional and reads back as null")
    void descriptionIsOptional() {
        JsonObject product = api.create("No description", "1", 0);

        assertEquals(JsonValue.NULL, product.get("description"));
    }

    @Test
    @DisplayName("C5 server-owned members sent on create are ignored")
    void serverOwnedMembersAreIgnoredOnCreate() {
        HttpResponse<String> created = api.post("api/products", """
                {"id": 999999, "name": "Echo", "price": 1, "stock_quantity": 1, "version": 7,
                 "created_at": "2000-01-01T00:00:00Z", "updated_at": "2000-01-01T00:00:00Z"}""");

        assertEquals(201, created.statusCode());
        JsonObject product = Api.json(created);
        assertEquals(0, product.getInt("version"));
        assertFalse(product.getString("created_at").startsWith("2000"));
    }

    @Test
    @DisplayName("C1 exact values round-trip: 255 emoji, SQL metacharacters, right-to-left text, price limits")
    void valuesRoundTripExactly() {
        String emoji = "\uD83D\uDE00".repeat(255);
        String tricky = "Robert'); DROP TABLE products;-- \u05E9\u05DC\u05D5\u05DD e\u0301 %_\\";

        JsonObject first = Api.json(api.post("api/products", Json.createObjectBuilder()
                .add("name", emoji).add("description", tricky)
                .add("price", new BigDecimal("99999999.99")).add("stock_quantity", Integer.MAX_VALUE)
                .build().toString()));
        JsonObject read = api.product(first.getInt("id"));

        assertEquals(emoji, read.getString("name"));
        assertEquals(tricky, read.getString("description"));
        assertEquals(new BigDecimal("99999999.99"), read.getJsonNumber("price").bigDecimalValue());
        assertEquals(Integer.MAX_VALUE, read.getInt("stock_quantity"));
        assertEquals(BigDecimal.ZERO, api.create("Free", "0", 0).getJsonNumber("price").bigDecimalValue()
                .stripTrailingZeros());
    }

    @Test
    @DisplayName("404 for a product that does not exist, as problem details")
    void readingAMissingProductIs404() {
        long id = api.create("Gone", "1", 1).getInt("id");
        api.delete("api/products/" + id);

        HttpResponse<String> response = api.get("api/products/" + id);

        assertProblem(404, "/problems/not-found", response);
    }

    @Test
    @DisplayName("C4 the list is ordered by id, paged by limit and offset, with a total")
    void listPagesByIdWithTotal() {
        for (int i = 0; i < 3; i++) {
            api.create("Paged " + i, "2", i);
        }
        JsonObject all = Api.json(api.get("api/products?limit=1000"));
        long total = all.getJsonNumber("total").longValue();
        List<Integer> ids = all.getJsonArray("products").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getInt("id")).toList();

        JsonObject page = Api.json(api.get("api/products?limit=2&offset=1"));

        assertTrue(total >= 3);
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(total, page.getJsonNumber("total").longValue());
        assertEquals(2, page.getInt("limit"));
        assertEquals(1, page.getInt("offset"));
        assertEquals(ids.subList(1, 3), page.getJsonArray("products").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getInt("id")).toList());
    }

    @Test
    @DisplayName("The list defaults to limit 100 and offset 0, and answers with and without the trailing slash")
    void listDefaultsAndTrailingSlash() {
        HttpResponse<String> plain = api.get("api/products");
        HttpResponse<String> slash = api.get("api/products/");

        assertEquals(200, plain.statusCode());
        assertEquals(200, slash.statusCode());
        JsonObject page = Api.json(plain);
        assertEquals(100, page.getInt("limit"));
        assertEquals(0, page.getInt("offset"));
        assertTrue(page.getJsonArray("products").size() <= 100);
        assertEquals(page.getInt("total"), Api.json(slash).getInt("total"));
    }

    @Test
    @DisplayName("An offset past the end gives an empty page and still the total")
    void offsetPastTheEndGivesEmptyPageWithTotal() {
        api.create("Somewhere", "1", 1);

        JsonObject page = Api.json(api.get("api/products?offset=10000&limit=1000"));

        long total = page.getJsonNumber("total").longValue();
        assertTrue(total >= 1);
        assertEquals(Math.max(0, Math.min(1000, total - 10000)), page.getJsonArray("products").size());
    }

    @Test
    @DisplayName("Bad paging parameters are 400 naming the parameter")
    void badPagingParametersAre400() {
        Map<String, String> cases = Map.of(
                "limit=0", "limit", "limit=1001", "limit", "limit=abc", "limit", "limit=1.5", "limit",
                "limit=", "limit", "offset=-1", "offset", "offset=2147483648", "offset", "offset=10001", "offset",
                "offset=99999999999999999999999", "offset", "offset=%00", "offset");
        assertAll(cases.entrySet().stream().map(c -> () -> {
            HttpResponse<String> response = api.get("api/products?" + c.getKey());
            assertProblem(400, "/problems/validation", response);
            assertEquals(c.getValue(), field(response), c.getKey());
        }));
    }

    @Test
    @DisplayName("C3 a PUT with the current version replaces the product and adds one to the version")
    void putWithCurrentVersionReplaces() {
        JsonObject product = api.create("Chair", "49.90", 10);

        HttpResponse<String> response = api.put("api/products/" + product.getInt("id"), """
                {"name": "Armchair", "description": "Soft", "price": 149.90, "stock_quantity": 3, "version": 0}""");

        assertEquals(200, response.statusCode());
        JsonObject replaced = Api.json(response);
        assertEquals("Armchair", replaced.getString("name"));
        assertEquals("Soft", replaced.getString("description"));
        assertEquals(new BigDecimal("149.90"), replaced.getJsonNumber("price").bigDecimalValue());
        assertEquals(3, replaced.getInt("stock_quantity"));
        assertEquals(1, replaced.getInt("version"));
        assertEquals(product.getString("created_at"), replaced.getString("created_at"));
        assertEquals(replaced, api.product(product.getInt("id")));
    }

    @Test
    @DisplayName("C3 a PUT with a stale version is 409 with the current version, and changes nothing")
    void putWithStaleVersionIsConflict() {
        JsonObject product = api.create("Lamp", "15", 8);
        long id = product.getInt("id");
        assertEquals(200, api.put("api/products/" + id, Api.replacement(product, 7)).statusCode());

        HttpResponse<String> stale = api.put("api/products/" + id, Api.replacement(product, 6));

        assertProblem(409, "/problems/version-conflict", stale);
        assertEquals(1, Api.json(stale).getInt("version"));
        JsonObject stored = api.product(id);
        assertEquals(7, stored.getInt("stock_quantity"));
        assertEquals(1, stored.getInt("version"));
    }

    @Test
    @DisplayName("A PUT on a missing product is 404, whatever the version")
    void putOnMissingProductIs404() {
        HttpResponse<String> response = api.put("api/products/2147483647",
                "{\"name\": \"Ghost\", \"price\": 1, \"stock_quantity\": 1, \"version\": 0}");

        assertProblem(404, "/problems/not-found", response);
    }

    @Test
    @DisplayName("A PUT without a version or If-Match is 428, and changes nothing")
    void putWithoutVersionIs428() {
        long id = api.create("Versionless", "1", 1).getInt("id");

        HttpResponse<String> response = api.put("api/products/" + id,
                "{\"name\": \"X\", \"price\": 1, \"stock_quantity\": 1}");

        assertProblem(428, "/problems/precondition-required", response);
        assertEquals("Versionless", api.product(id).getString("name"));
    }

    @Test
    @DisplayName("DELETE answers 204, then 404")
    void deleteThenDeleteAgain() {
        long id = api.create("Temporary", "1", 1).getInt("id");

        assertEquals(204, api.delete("api/products/" + id).statusCode());
        assertProblem(404, "/problems/not-found", api.delete("api/products/" + id));
        assertProblem(404, "/problems/not-found", api.get("api/products/" + id));
    }

    @Test
    @DisplayName("C1 every broken rule of a body is a 400 naming the member")
    void invalidBodiesAre400NamingTheMember() {
        String valid = "\"name\": \"Valid\", \"price\": 1, \"stock_quantity\": 1";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": null, \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"\", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"   \", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": 42, \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"" + "x".repeat(256) + "\", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"" + "\\uD83D\\uDE00".repeat(256) + "\", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"nul\\u0000\", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"lone \\uD800\", \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": [\"a\"], \"price\": 1, \"stock_quantity\": 1}", "name");
        cases.put("{\"name\": \"A\", \"description\": 5, \"price\": 1, \"stock_quantity\": 1}", "description");
        cases.put("{\"name\": \"A\", \"description\": \"\\u0000\", \"price\": 1, \"stock_quantity\": 1}", "description");
        cases.put("{\"name\": \"A\", \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": \"1.00\", \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": -0.01, \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": 100000000, \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": 1.001, \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": 1e400, \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": true, \"stock_quantity\": 1}", "price");
        cases.put("{\"name\": \"A\", \"price\": 1}", "stock_quantity");
        cases.put("{\"name\": \"A\", \"price\": 1, \"stock_quantity\": 1.5}", "stock_quantity");
        cases.put("{\"name\": \"A\", \"price\": 1, \"stock_quantity\": -1}", "stock_quantity");
        cases.put("{\"name\": \"A\", \"price\": 1, \"stock_quantity\": 2147483648}", "stock_quantity");
        cases.put("{\"name\": \"A\", \"price\": 1, \"stock_quantity\": \"5\"}", "stock_quantity");
        cases.put("{" + valid + ", \"colour\": \"red\"}", "colour");
        cases.put("{" + valid + ", \"Name\": \"case matters\"}", "Name");

        List<Executable> checks = new ArrayList<>();
        cases.forEach((body, member) -> checks.add(() -> {
            HttpResponse<String> response = api.post("api/products", body);
            assertProblem(400, "/problems/validation", response);
            assertEquals(member, field(response), body.length() > 80 ? body.substring(0, 80) : body);
        }));
        assertAll(checks);
    }

    @Test
    @DisplayName("A number thousands of digits long is a 400, whichever layer refuses it")
    void absurdlyLongNumberIs400() {
        HttpResponse<String> response = api.post("api/products",
                "{\"name\": \"A\", \"price\": 1, \"stock_quantity\": 1" + "0".repeat(5000) + "}");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    @DisplayName("A body that is not a JSON object in UTF-8 is 400 malformed-body")
    void malformedBodiesAre400() {
        List<byte[]> bodies = List.of(
                "{\"name\": ".getBytes(), "".getBytes(), "[]".getBytes(), "42".getBytes(), "null".getBytes(),
                "{\"price\": NaN}".getBytes(), "{\"price\": Infinity}".getBytes(), "{} {}".getBytes(),
                "{'name': 'single quotes'}".getBytes(), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                ("[".repeat(100_000)).getBytes());
        assertAll(bodies.stream().map(body -> () -> assertProblem(400, "/problems/malformed-body",
                api.send("POST", "api/products", BodyPublishers.ofByteArray(body),
                        "Content-Type", "application/json"))));
    }

    @Test
    @DisplayName("A body over 1 MiB is 413")
    void oversizedBodyIs413() {
        String description = "x".repeat(1024 * 1024);
        HttpResponse<String> response = api.post("api/products",
                "{\"name\": \"Big\", \"description\": \"" + description + "\", \"price\": 1, \"stock_quantity\": 1}");

        assertProblem(413, "/problems/payload-too-large", response);
    }

    @Test
    @DisplayName("Ids that are not numbers are 400; numbers beyond any row are 404")
    void pathIds() {
        assertProblem(400, "/problems/validation", api.get("api/products/abc"));
        assertProblem(400, "/problems/validation", api.get("api/products/-1"));
        assertProblem(400, "/problems/validation", api.get("api/products/1.5"));
        assertProblem(404, "/problems/not-found", api.get("api/products/99999999999999999999999999"));
        assertProblem(404, "/problems/not-found", api.get("api/products/9223372036854775807"));
    }

    @Test
    @DisplayName("Failures the HTTP layer raises are problem details too: 404, 405, 406, 415")
    void httpLayerFailuresAreProblemDetails() {
        assertProblem(404, "about:blank", api.get("api/no-such-thing"));
        HttpResponse<String> notAllowed = api.send("PUT", "api/products", BodyPublishers.noBody());
        assertProblem(405, "about:blank", notAllowed);
        assertTrue(notAllowed.headers().firstValue("Allow").orElse("").contains("POST"));
        assertProblem(406, "about:blank", api.get("api/products", "Accept", "text/csv"));
        assertProblem(415, "about:blank", api.send("POST", "api/products",
                BodyPublishers.ofString("{}"), "Content-Type", "text/plain"));
    }

    @Test
    @DisplayName("the API writes to the suite's PostgreSQL, over the pool the server configured (no built-in database)")
    void talksToTheSuitesPostgres() throws Exception {
        String name = "Stored where? " + UUID.randomUUID();
        api.create(name, "1", 1);

        Database database = TestDatabaseSession.database();
        assertEquals(1, database.count("SELECT count(*) FROM products WHERE name = ?", name));
        // ApplicationName=products is set by every server's pool configuration, nothing else uses it
        assertTrue(database.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'products'") >= 1);
    }

    @Test
    @DisplayName("/health is UP with a database check that really queried")
    void healthIsUp() {
        HttpResponse<String> health = api.health("health");

        assertEquals(200, health.statusCode());
        JsonObject body = Api.json(health);
        assertEquals("UP", body.getString("status"));
        // WildFly adds checks of its own (boot errors, deployments, server state)
        assertEquals("UP", body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status"))).get("database"));
        assertEquals(200, api.health("health/ready").statusCode());
    }

    @Test
    @DisplayName("/docs (Swagger UI) and /redoc (ReDoc) load every script, style and icon from the WAR itself")
    void docsPagesLoadOffline() {
        for (String page : List.of("docs", "redoc")) {
            assertPageLoadsOffline(page);
        }
    }

    private void assertPageLoadsOffline(String page) {
        HttpResponse<String> bare = api.get(page);
        assertTrue(bare.statusCode() / 100 == 3 && bare.headers().firstValue("Location").orElseThrow()
                .endsWith("/" + page + "/"), "/" + page + " redirects to the page's directory");
        HttpResponse<String> html = api.get(page + "/");
        assertEquals(200, html.statusCode());
        // the bundles themselves would fetch a logo from a CDN (ReDoc) or a badge from a validator (Swagger UI)
        assertTrue(html.body().contains("content=\"img-src 'self' data:\""), page + " keeps images on the server");

        StringBuilder everything = new StringBuilder(html.body());
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html.body());
        int loaded = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertFalse(asset.contains("//"), asset + " would leave the server");
            HttpResponse<String> response = api.get(page + "/" + asset);
            assertEquals(200, response.statusCode(), asset);
            assertFalse(response.body().isEmpty(), asset);
            everything.append(response.body());
            loaded++;
        }
        assertTrue(loaded >= 1, page + " loads its scripts");
        assertTrue(everything.toString().contains("\"/openapi\""), page + " reads the server's OpenAPI document");
    }

    @Test
    @DisplayName("/openapi documents every operation with its status codes")
    void openApiDocumentsTheOperations() {
        HttpResponse<String> document = api.get("openapi", "Accept", "application/json");

        assertEquals(200, document.statusCode());
        JsonObject paths = Api.json(document).getJsonObject("paths");
        JsonObject collection = paths.getJsonObject("/api/products");
        JsonObject member = paths.getJsonObject("/api/products/{id}");
        assertTrue(collection.getJsonObject("post").getJsonObject("responses").containsKey("201"));
        assertTrue(collection.getJsonObject("get").getJsonObject("responses").containsKey("200"));
        assertTrue(member.getJsonObject("put").getJsonObject("responses").containsKey("409"));
        assertTrue(member.getJsonObject("delete").getJsonObject("responses").containsKey("204"));
        assertTrue(member.getJsonObject("get").getJsonObject("responses").containsKey("404"));
        assertTrue(member.getJsonObject("patch").getJsonObject("responses").containsKey("412"));
        assertTrue(member.getJsonObject("put").getJsonObject("responses").containsKey("428"));
        assertTrue(member.getJsonObject("put").getJsonArray("parameters").toString().contains("If-Match"));
        assertTrue(collection.getJsonObject("post").getJsonArray("parameters").toString().contains("Idempotency-Key"));
        assertTrue(member.getJsonObject("get").getJsonObject("responses").getJsonObject("200")
                .getJsonObject("headers").containsKey("ETag"));
        assertTrue(collection.getJsonObject("post").getJsonObject("requestBody").getBoolean("required"));
        // the change feed: one GET, JSON pages or an event stream, its parts components of the static document
        JsonObject feed = paths.getJsonObject("/api/products/events").getJsonObject("get");
        JsonObject components = Api.json(document).getJsonObject("components");
        assertEquals("#/components/responses/ProductEvents",
                feed.getJsonObject("responses").getJsonObject("200").getString("$ref"));
        assertEquals(Set.of("application/json", "text/event-stream"), components.getJsonObject("responses")
                .getJsonObject("ProductEvents").getJsonObject("content").keySet());
        assertTrue(feed.getJsonObject("responses").containsKey("410"));
        assertTrue(feed.getJsonArray("parameters").toString().contains("#/components/parameters/LastEventId"));
        assertEquals("Last-Event-ID", components.getJsonObject("parameters").getJsonObject("LastEventId")
                .getString("name"));
        assertEquals("/", Api.json(document).getJsonArray("servers").getJsonObject(0).getString("url"));
        JsonObject schemas = Api.json(document).getJsonObject("components").getJsonObject("schemas");
        for (String body : List.of("ProductInput", "ProductPatch", "StockAdjustment", "OrderInput")) {
            assertEquals(JsonValue.ValueType.OBJECT, schemas.getJsonObject(body).get("example").getValueType(),
                    body + "'s example is a JSON object, not a string the docs would send quoted");
        }
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "version", "stock_quantity", "lines",
                        "required_role", "oldest_position", "errors"),
                schemas.getJsonObject("Problem").getJsonObject("properties").keySet());
    }

    @Test
    @DisplayName("/openapi is a document client generators accept: unique operation ids, typed headers, security")
    void openApiIsGeneratorReady() {
        JsonObject document = Api.json(api.get("openapi", "Accept", "application/json"));
        assertEquals(Set.of(), document.keySet().stream()
                        .filter(member -> !Set.of("openapi", "info", "servers", "paths", "components", "security",
                                "tags", "externalDocs").contains(member) && !member.startsWith("x-"))
                        .collect(Collectors.toSet()),
                "top-level members outside OpenAPI");
        JsonObject bearer = document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer");
        assertEquals(List.of("http", "bearer"), List.of(bearer.getString("type"), bearer.getString("scheme")));
        List<String> operationIds = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            JsonObject operation = value.asJsonObject();
            String where = method + " " + path;
            operationIds.add(operation.getString("operationId", where + " has no operationId"));
            JsonObject responses = operation.getJsonObject("responses");
            responses.forEach((status, response) -> {
                JsonObject headers = response.asJsonObject().getJsonObject("headers");
                if (headers != null) {
                    headers.forEach((name, header) -> assertTrue(resolve(document, header.asJsonObject())
                            .containsKey("schema"), where + " " + status + " header " + name + " has no schema"));
                }
            });
            assertTrue(operation.containsKey("security"), where + " does not say whether it needs a token");
            boolean write = !method.equals("get");
            assertEquals(write ? "[{\"bearer\":[]}]" : "[{}]", operation.getJsonArray("security").toString(), where);
            assertTrue(responses.containsKey("401"), where + " can answer 401");
            assertTrue(responses.keySet().containsAll(Set.of("400", "406", "503")), where + " declares 400, 406, 503");
            if (operation.containsKey("requestBody")) {
                assertTrue(responses.keySet().containsAll(Set.of("413", "415")), where + " declares 413 and 415");
            }
            assertEquals(write, responses.containsKey("403"), where + " answers 403 only where a role is needed");
        }));
        assertEquals(List.of("adjustStock", "createProduct", "deleteProduct", "listProducts", "patchProduct",
                "placeOrder", "readOrder", "readProduct", "readProductEvents", "replaceProduct"),
                operationIds.stream().sorted().toList());
    }

    @Test
    @DisplayName("/openapi passes Redocly's recommended rules with no error and no warning")
    void openApiPassesRedoclysRecommendedRules() throws Exception {
        Path document = Files.createDirectories(Path.of("target", "redocly")).resolve("openapi.yaml");
        Files.writeString(document, api.get("openapi").body());
        Path redocly = NpmTools.ensure("@redocly/cli", REDOCLY_VERSION, "redocly");
        Process lint = new ProcessBuilder(redocly.toString(), "lint", document.toString(), "--extends=recommended",
                "--format=summary").redirectErrorStream(true).start();
        String findings = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, lint.waitFor(), findings);
        assertTrue(findings.contains("Your API description is valid"), findings);
        // the summary lists each rule that found something as "error <rule>: n" or "warning <rule>: n"
        assertFalse(Pattern.compile("(?m)^(error|warning)\\s").matcher(findings).find(), findings);
    }

    /** A header object, or the component it refers to. */
    private static JsonObject resolve(JsonObject document, JsonObject header) {
        String ref = header.getString("$ref", null);
        return ref == null ? header : document.getJsonObject("components").getJsonObject("headers")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String field(HttpResponse<String> response) {
        return Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field");
    }
}
