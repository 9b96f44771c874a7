package io.concurrencydb.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small HTTP client for the service under test, always over loopback. It sends a bearer token with the role
 * writer on every request unless told otherwise ({@link #as}, {@link #anonymous}), as a real client of the
 * service does, and unless the request names its own Authorization header.
 */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String AUTHORIZATION = "Authorization";

    private final URI base;
    private final HttpClient http;
    private final String token;

    /** The URL Arquillian injects may name another interface; only its port is kept. */
    public Api(URL deployment) {
        this(URI.create("http://127.0.0.1:" + deployment.getPort() + "/"),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build(),
                Tokens.writer());
    }

    private Api(URI base, HttpClient http, String token) {
        this.base = base;
        this.http = http;
        this.token = token;
    }

    /** The same client with another bearer token. */
    public Api as(String bearerToken) {
        return new Api(base, http, bearerToken);
    }

    /** The same client without a token. */
    public Api anonymous() {
        return new Api(base, http, null);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** The metrics in the Prometheus text format, wherever the server serves them (see {@link Server#metrics}). */
    public HttpResponse<String> metrics() {
        URI uri = Server.current().metrics(base);
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/plain").GET());
    }

    /** GET /health/... wherever the server serves health (see {@link Server#healthBase}). */
    public HttpResponse<String> health(String path) {
        URI uri = Server.current().healthBase(base).resolve(path);
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path, "Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path, "Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).method(method, body));
    }

    /** Creates a product and returns it as the service answered. */
    public JsonObject create(String name, String price, int stock) {
        HttpResponse<String> response = post("api/products",
                "{\"name\": \"%s\", \"price\": %s, \"stock_quantity\": %d}".formatted(name, price, stock));
        if (response.statusCode() != 201) {
            throw new AssertionError("create answered " + response.statusCode() + " " + response.headers().map()
                    + ": " + response.body());
        }
        return json(response);
    }

    public JsonObject product(long id) {
        HttpResponse<String> response = get("api/products/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("read answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** Every change-feed event deliverable now after a position. */
    public List<JsonObject> events(long after) {
        List<JsonObject> events = new ArrayList<>();
        walkFeed(after, events::add);
        return events;
    }

    /** The change feed's position after every event deliverable now. */
    public long feedHead() {
        return walkFeed(0, event -> { });
    }

    /** Reads the feed page by page from a position to its end; returns the position after the last event. */
    private long walkFeed(long after, Consumer<JsonObject> each) {
        long position = after;
        while (true) {
            JsonObject page = json(get("api/products/events?limit=1000&after=" + position));
            if (page.getJsonArray("events").isEmpty()) {
                return position;
            }
            page.getJsonArray("events").getValuesAs(JsonObject.class).forEach(each);
            position = page.getJsonNumber("next").longValue();
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A PUT body that writes {@code product} back with a new stock and the version it carries. */
    public static String replacement(JsonObject product, int stock) {
        return Json.createObjectBuilder(product).add("stock_quantity", stock).build().toString();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null && !namesAuthorization(headers)) {
            request.header(AUTHORIZATION, "Bearer " + token);
        }
        return request;
    }

    private static boolean namesAuthorization(String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(AUTHORIZATION)) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
