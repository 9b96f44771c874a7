package io.concurrencydb.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A Server-Sent Events client of the change feed: collects the events it receives until closed. */
public final class EventStream implements AutoCloseable {

    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri} with Accept: text/event-stream and, if not null, Last-Event-ID. */
    public static EventStream open(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.GET().build(), BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("the stream answered " + response.statusCode() + ": "
                    + String.join("\n", response.body().toList()));
        }
        return new EventStream(response);
    }

    /** The events received so far, as parsed data, each with its SSE id added as "sse_id". */
    public List<JsonObject> events() {
        return List.copyOf(events);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if ("product".equals(name) && data.length() > 0) {
                        JsonObject event = Api.json(data.toString());
                        events.add(jakarta.json.Json.createObjectBuilder(event).add("sse_id", id).build());
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // closed by the test, or by the server
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
