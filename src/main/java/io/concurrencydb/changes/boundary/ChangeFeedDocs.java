package io.concurrencydb.changes.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The change feed's one OpenAPI operation, GET /api/products/events, which two resource methods serve. Its
 * parameters and answers are components of META-INF/openapi.yaml, referred to by name: the model's setters
 * for types differ between MicroProfile OpenAPI 3 (Payara) and 4 (WildFly), references do not.
 */
public final class ChangeFeedDocs {

    public static final String PATH = "/api/products/events";

    private ChangeFeedDocs() {
    }

    public static Operation operation() {
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
                        + "a client that takes nothing for 30 s is disconnected and resumes with Last-Event-ID. An "
                        + "instance serves at most EVENTS_STREAMS_MAX streams (500); one more is refused with 503 "
                        + "too-many-streams.")
                .addParameter(OASFactory.createParameter().ref("EventsAfter"))
                .addParameter(OASFactory.createParameter().ref("EventsLimit"))
                .addParameter(OASFactory.createParameter().ref("LastEventId"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().ref("ProductEvents"))
                        .addAPIResponse("400", OASFactory.createAPIResponse().ref("EventsBadRequest"))
                        .addAPIResponse("410", OASFactory.createAPIResponse().ref("EventsPruned"))
                        .addAPIResponse("503", OASFactory.createAPIResponse().ref("EventsUnavailable")));
    }
}
