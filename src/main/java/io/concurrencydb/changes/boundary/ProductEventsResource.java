package io.concurrencydb.changes.boundary;

import io.concurrencydb.changes.control.ChangeFeed;
import io.concurrencydb.platform.http.Parameters;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The change feed of the products: every committed change, once, in an order no reader has to go back on, as
 * pages of JSON. Asked for as a stream of Server-Sent Events (by the Accept header), the same path is answered by
 * {@link EventStreamFilter} before it gets here. Its OpenAPI operation, with both representations, is
 * {@link ChangeFeedDocs}.
 */
@ApplicationScoped
@Path("products/events")
public class ProductEventsResource {

    @EJB
    ChangeFeed feed;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response page(
            @HeaderParam(EventStreamFilter.LAST_EVENT_ID) String lastEventId,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        long from = lastEventId != null ? EventStreamFilter.position(EventStreamFilter.LAST_EVENT_ID, lastEventId)
                : EventStreamFilter.position("after", after);
        int size = (int) Parameters.query("limit", limit, 100, 1, 1000);
        return Response.ok(EventJson.text(feed.after(from, size))).build();
    }
}
