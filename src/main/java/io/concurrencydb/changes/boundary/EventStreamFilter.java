package io.concurrencydb.changes.boundary;

import io.concurrencydb.changes.control.ChangeFeed;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.problem.Failures;
import io.concurrencydb.platform.security.AccessDecision;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * GET /api/products/events asked for as a stream (Accept names text/event-stream, see {@link StreamNegotiation}):
 * answered here, outside Jakarta REST, so that a page of events is one write per stream ({@link EventOutlet}).
 * Everything before the stream starts is answered as the JSON pages are: the same access decision, the same 400
 * for a malformed position and 410 for a pruned one, as problem details, and 503 too-many-streams when this
 * instance serves as many streams as it will. Every other request to the path goes on to
 * {@link ProductEventsResource}. The operation is documented once, by {@link ChangeFeedDocs}.
 */
@WebFilter(urlPatterns = "/api/products/events", asyncSupported = true)
public class EventStreamFilter extends HttpFilter {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    @EJB
    ChangeFeed feed;

    @Inject
    EventStreams streams;

    @Inject
    AccessDecision access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getMethod().equals("GET") || !StreamNegotiation.wantsStream(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        String instance = request.getRequestURI().substring(request.getContextPath().length());
        try {
            var refusal = access.refusal(request.getMethod(), request.getUserPrincipal(), request::isUserInRole);
            if (refusal.isPresent()) {
                refusal.get().writeTo(response, instance);
                return;
            }
            streams.admit();
            EventPage first;
            EventOutlet outlet;
            try {
                // read before the stream starts, so that a bad or pruned position is still a 400 or 410 answer
                first = feed.after(start(request), EventStreams.PAGE);
                outlet = EventOutlet.open(request, response);
            } catch (RuntimeException | IOException e) {
                streams.withdraw();
                throw e;
            }
            streams.open(outlet, first);
        } catch (RuntimeException e) {
            Failures.problem(e).writeTo(response, instance);
        }
    }

    private long start(HttpServletRequest request) {
        String lastEventId = request.getHeader(LAST_EVENT_ID);
        String after = request.getParameter("after");
        return lastEventId != null ? position(LAST_EVENT_ID, lastEventId)
                : after != null ? position("after", after)
                : feed.head();
    }

    static long position(String name, String raw) {
        return Parameters.query(name, raw, 0, 0, Long.MAX_VALUE);
    }
}
