package io.concurrencydb.changes.boundary;

import io.concurrencydb.platform.ApiDocs;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** The change feed's one OpenAPI operation, GET /api/products/events, which two resource methods serve. */
public final class ChangeFeedDocs {

    public static final String PATH = "/api/products/events";

    private ChangeFeedDocs() {
    }

    public static Operation operation() {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("A page of events, or the stream")
                        .content(OASFactory.createContent()
                                .addMediaType(MediaType.APPLICATION_JSON, OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("ProductEventPage")))
                                .addMediaType(MediaType.SERVER_SENT_EVENTS, OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().type(SchemaType.STRING)))))
                .addAPIResponse("400", problem("A malformed position or limit"))
                .addAPIResponse("410", problem("The events after this position were pruned: read the collection "
                        + "again, then follow the feed from oldest_position"))
                .addAPIResponse("503", problem("The database is unavailable; retry after Retry-After seconds")
                        .addHeader(HttpHeaders.RETRY_AFTER, OASFactory.createHeader()
                                .schema(OASFactory.createSchema().type(SchemaType.INTEGER))));
        return OASFactory.createOperation()
                .operationId("readProductEvents")
                .addTag("Change feed")
                .summary("Read the change feed: JSON pages or a stream of Server-Sent Events")
                .description("Every committed change to a product, once, after a position, in feed order "
                        + "(positions 1, 2, 3, ... in commit order). As JSON (the default): a page after "
                        + "Last-Event-ID or after (0 or none: the oldest retained); ask again with after=next; an "
                        + "empty page means nothing new yet. As text/event-stream: one event named product per "
                        + "change, its id the position, starting after Last-Event-ID, else after the after "
                        + "parameter, else with the changes from now on; a comment every 15 s keeps it alive, and "
                        + "a client that takes nothing for 30 s is disconnected and resumes with Last-Event-ID.")
                .addParameter(parameter("after", In.QUERY, "a position from the feed; 0 for the oldest retained", 0, null))
                .addParameter(parameter("limit", In.QUERY, "1 to 1000, default 100 (pages only)", 1, 1000))
                .addParameter(parameter(ProductEventsResource.LAST_EVENT_ID, In.HEADER,
                        "resume after this position (what EventSource sends when it reconnects)", 0, null))
                .responses(responses);
    }

    private static Parameter parameter(String name, In in, String description, int minimum, Integer maximum) {
        Schema schema = OASFactory.createSchema().type(SchemaType.INTEGER).minimum(BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.maximum(BigDecimal.valueOf(maximum));
        }
        return OASFactory.createParameter().name(name).in(in).description(description).schema(schema);
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(ApiDocs.PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ApiDocs.PROBLEM_SCHEMA)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
