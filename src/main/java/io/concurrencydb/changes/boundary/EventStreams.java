package io.concurrencydb.changes.boundary;

import io.concurrencydb.changes.control.ChangeFeed;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.changes.entity.PositionPrunedException;
import io.concurrencydb.changes.entity.ProductEvent;
import io.concurrencydb.platform.background.GrowingPool;
import io.concurrencydb.platform.background.OwnScheduler;
import io.concurrencydb.platform.metrics.ServiceMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams of this instance. Every quarter second one poll reads the feed once per distinct
 * position among the streams that are not busy sending (streams that keep up share a position, so that is
 * usually one query), renders the page once, and hands each stream the same bytes to send on a thread of the
 * application's own (GrowingPool): one write and one flush per stream per page, however many events the page
 * holds.
 *
 * <p>Backpressure: a stream has at most one page (200 events) in memory, being sent; the rest stays in the
 * database until it is taken. A stream whose client has not taken a page for 30 s (events.stream.send.limit.s)
 * is closed; it resumes with Last-Event-ID. Streams that have nothing to send get a comment every 15 s
 * (events.stream.keep.alive.s), which keeps proxies from closing them and finds clients that went away. The
 * gauge event_streams counts the open streams; an instance serves at most events.streams.max (500) of them, and
 * a client asking for one more is refused before its stream starts ({@link TooManyStreamsException}).
 */
@ApplicationScoped
public class EventStreams {

    static final int PAGE = 200;
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final long POLL_MILLIS = 250;
    // the maximum of the server's default ManagedExecutorService, which sent the pages before
    private static final int SENDERS_MAX = 200;
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());

    @Inject
    @ConfigProperty(name = "events.stream.keep.alive.s", defaultValue = "15")
    long keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "events.stream.send.limit.s", defaultValue = "30")
    long sendLimitSeconds;

    // a stalled stream holds up to 256 KiB of Grizzly's buffers (E8): 500 of them, half of Payara Micro's heap
    @Inject
    @ConfigProperty(name = "events.streams.max", defaultValue = "500")
    int maxStreams;

    @EJB
    ChangeFeed feed;

    @Inject
    ServiceMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    // a thread per page being sent, as a send blocks while its client is slow to take it
    private ExecutorService senders;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    // the streams open or being opened: a place is taken before the first page is read, so that no burst of
    // requests gets past the bound, and given back once when the stream leaves the set
    private final AtomicInteger places = new AtomicInteger();
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    private final Object polls = new Object();
    private ScheduledFuture<?> polling;
    private long keepAliveNanos;
    private long sendLimitNanos;

    @PostConstruct
    void start() {
        keepAliveNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
        sendLimitNanos = TimeUnit.SECONDS.toNanos(sendLimitSeconds);
        metrics.gauge("event_streams", "Change feed streams open on this instance", () -> (long) streams.size());
        senders = GrowingPool.start(threads, SENDERS_MAX);
    }

    /** Takes a place for a stream about to open, or refuses it: 503 too-many-streams. */
    void admit() {
        if (places.incrementAndGet() > maxStreams) {
            places.decrementAndGet();
            metrics.count("event_streams_refused", "Change feed streams refused, this instance serving its maximum");
            throw new TooManyStreamsException(maxStreams);
        }
    }

    /** Gives back the place of a stream that was admitted but did not open (a 400 or 410, a client gone). */
    void withdraw() {
        places.decrementAndGet();
    }

    /**
     * Sends {@code first}, then every event after it, to {@code outlet} until the client goes away; the stream
     * takes over the place {@link #admit()} gave.
     */
    void open(EventOutlet outlet, EventPage first) {
        Stream stream = new Stream(outlet, first.next());
        // busy before a poll can see it, so that no poll hands it a page before its first one
        stream.busy = true;
        stream.sendingSince = System.nanoTime();
        streams.add(stream);
        startPolling();
        // sent at once even when empty (as a comment): the client learns that the stream is open
        senders.execute(() -> stream.send(first, render(first)));
    }

    private synchronized void startPolling() {
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
        }
        streams.forEach(Stream::close);
        OwnScheduler.stop(senders);
    }

    private void drop(Stream stream) {
        if (streams.remove(stream)) {
            places.decrementAndGet();
        }
    }

    /** One poll now, besides the scheduled ones; requests while one is pending are one. */
    private void pollSoon() {
        if (pollRequested.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                pollRequested.set(false);
                poll();
            });
        }
    }

    private void poll() {
        // never two at once: a stream must not be handed the same page twice
        synchronized (polls) {
            pollOnce();
        }
    }

    private void pollOnce() {
        try {
            long now = System.nanoTime();
            Map<Long, List<Stream>> waiting = new HashMap<>();
            for (Stream stream : streams) {
                if (stream.outlet.isClosed()) {
                    drop(stream);
                } else if (stream.busy) {
                    if (now - stream.sendingSince > sendLimitNanos) {
                        LOG.log(Level.FINE, "closing an event stream whose client took nothing for {0} s",
                                sendLimitSeconds);
                        stream.close();
                        drop(stream);
                    }
                } else {
                    waiting.computeIfAbsent(stream.position, position -> new ArrayList<>()).add(stream);
                }
            }
            waiting.forEach((position, group) -> deliver(position, group, now));
        } catch (RuntimeException e) {
            // the database may be unavailable for a while: the streams stay open and the next poll tries again
            LOG.log(Level.FINE, "could not poll the change feed: {0}", e.toString());
        }
    }

    private void deliver(long position, List<Stream> group, long now) {
        EventPage page;
        try {
            page = feed.after(position, PAGE);
        } catch (PositionPrunedException e) {
            group.forEach(stream -> {
                stream.close();
                drop(stream);
            });
            return;
        }
        // the events are rendered once for every stream at this position
        byte[] bytes = render(page);
        for (Stream stream : group) {
            if (!page.events().isEmpty() || now - stream.lastSent > keepAliveNanos) {
                stream.busy = true;
                stream.sendingSince = now;
                senders.execute(() -> stream.send(page, bytes));
            }
        }
    }

    /**
     * A page as Server-Sent Events, each with its position as id; an empty page is a comment, which keeps
     * proxies from closing an idle stream. The JSON is on one line, as the event's one data line.
     */
    static byte[] render(EventPage page) {
        if (page.events().isEmpty()) {
            return KEEP_ALIVE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.events().size() * 400);
        for (ProductEvent event : page.events()) {
            String message = "id: " + event.position() + "\nevent: product\ndata: "
                    + EventJson.text(event).replace("\n", "\ndata: ") + "\n\n";
            out.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** One client's stream: where it is in the feed, and whether a page is on its way to it. */
    private final class Stream {

        final EventOutlet outlet;
        volatile long position;
        volatile boolean busy;
        volatile long sendingSince;
        volatile long lastSent = System.nanoTime();

        Stream(EventOutlet outlet, long position) {
            this.outlet = outlet;
            this.position = position;
        }

        /**
         * Sends one page. A full page means the stream is behind: the next poll is asked for at once rather than in
         * a quarter second, and it reads the next page once for every stream at that position, as for streams
         * that keep up (a stream reading its own pages made 100 streams behind cost 100 queries and renders).
         */
        void send(EventPage page, byte[] bytes) {
            try {
                outlet.write(bytes);
                position = page.next();
                lastSent = System.nanoTime();
                busy = false;
                if (page.events().size() == PAGE) {
                    pollSoon();
                }
            } catch (Exception e) {
                // the client went away, or the stream was closed for being slow: the client resumes with
                // Last-Event-ID
                close();
                drop(this);
            }
        }

        void close() {
            outlet.close();
        }
    }
}
