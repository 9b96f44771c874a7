package io.concurrencydb.changes.boundary;

import io.concurrencydb.changes.control.ChangeFeed;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.platform.http.Parameters;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The change feed of the products: every committed change, once, in an order no reader has to go back on. As
 * pages of JSON, or as a stream of Server-Sent Events, chosen by the Accept header. Its OpenAPI operation is
 * {@link ChangeFeedDocs}: one GET served by two methods is more than annotations can describe (Payara keeps
 * one method's operation, and hiding the other drops both).
 */
@ApplicationScoped
@Path("products/events")
public class ProductEventsResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    @EJB
    ChangeFeed feed;

    @Inject
    EventStreams streams;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response page(
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        long from = lastEventId != null ? position(LAST_EVENT_ID, lastEventId, 0) : position("after", after, 0);
        int size = (int) Parameters.query("limit", limit, 100, 1, 1000);
        return Response.ok(EventJson.write(feed.after(from, size)).toString()).build();
    }

    @GET
    // a lower quality of source than the JSON pages: a client that accepts anything (*/*) gets a page, and
    // asks for the stream by name
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    public void stream(
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @QueryParam("after") String after,
            @Context SseEventSink sink,
            @Context Sse sse) {
        long from = lastEventId != null ? position(LAST_EVENT_ID, lastEventId, 0)
                : after != null ? position("after", after, 0)
                : feed.head();
        // read before the stream starts, so that a bad or pruned position is still a 400 or 410 answer
        EventPage first = feed.after(from, EventStreams.PAGE);
        streams.open(sink, sse, first);
    }

    private static long position(String name, String raw, long defaultValue) {
        return Parameters.query(name, raw, defaultValue, 0, Long.MAX_VALUE);
    }
}
