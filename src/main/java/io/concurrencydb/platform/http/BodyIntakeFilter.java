package io.concurrencydb.platform.http;

import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.logging.OncePerMinute;
import io.concurrencydb.platform.metrics.ServiceMetrics;
import io.concurrencydb.platform.problem.Failures;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.security.AccessPolicy;
import io.concurrencydb.platform.server.ReadListeners;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps clients whose request bodies arrive slowly, or stop, from taking the server's request threads. Read the
 * usual way, such a body holds a request thread for as long as the server's read timeout allows each read (30 s on
 * Payara, so forever for one byte every 29 s); as many of them as threads held every thread and the service
 * answered no one.
 *
 * <ul>
 * <li>A body that is already in the server's buffer (nearly every body of this API: they are small and come with
 * their headers) goes on at once; reading it cannot block.</li>
 * <li>Any other body is waited for, {@code request.body.waiting.max} ({@code REQUEST_BODY_WAITING_MAX}, 4) at a
 * time; a request that finds them all taken gets 100 ms for its body and is otherwise answered 503 with
 * Retry-After, so slow uploads can hold a quarter of Payara's 16 request threads (one per database connection)
 * and never the rest.</li>
 * <li>A waited-for body is read with Servlet non-blocking reads and must be complete within
 * {@code request.body.timeout.s} ({@code REQUEST_BODY_TIMEOUT_S}, 10 s) in all, however it trickles; otherwise
 * reading it is a 408 problem and the connection closes.</li>
 * </ul>
 * On Payara the request waits on its own thread; on WildFly it leaves its thread and comes back by an async
 * dispatch once the body is in, which holds no thread at all. On Payara a request offering the h2c upgrade is read
 * blocking, within a waiting place, each read bounded by Grizzly's read timeout (30 s) rather than the whole body
 * by the limit ({@link ReadListeners} says why the three differ).
 *
 * <p>Passed on unread: requests of methods without a body, a declared length over the limit (413 at once from
 * {@link BodyLimitFilter}), and a write without a verified caller where the policy wants one (401 at once).
 */
@WebFilter(filterName = "BodyIntake", urlPatterns = "/api/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyIntakeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(BodyIntakeFilter.class.getName());
    private static final OncePerMinute unreadLine = new OncePerMinute();
    private static final String RECEIVED = BodyIntakeFilter.class.getName() + ".received";
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /**
     * How long a request finding every waiting place taken may still wait for its body: clients that send the body
     * in a write of its own (Java's HttpClient does) are a moment behind their headers, not slow.
     */
    private static final long GRACE_MILLIS = 100;

    @Inject
    @ConfigProperty(name = "request.body.timeout.s", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "request.body.waiting.max", defaultValue = "4")
    int waitingMax;

    @Inject
    AccessPolicy policy;

    @Inject
    ServiceMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Semaphore waiters;

    @PostConstruct
    void start() {
        waiters = new Semaphore(waitingMax);
        metrics.gauge("request_bodies_waited_for", "Requests whose body the service is waiting for",
                () -> (long) (waitingMax - waiters.availablePermits()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(RECEIVED) instanceof ReceivedBody received) { // back from an async dispatch
            request.removeAttribute(RECEIVED);
            pass(received, request, response, chain);
            return;
        }
        if (!takesIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null && policy.roleFor(request.getMethod()).isPresent()) {
            // 401 without reading the body; WildFly would otherwise hold the answer until the body is drained
            response.setHeader("Connection", "close");
            chain.doFilter(request, response);
            return;
        }
        ServletInputStream in = request.getInputStream();
        long length = request.getContentLengthLong();
        if (length > 0 && in.available() >= length) {
            chain.doFilter(request, response);
            return;
        }
        boolean waitedFor = waiters.tryAcquire();
        switch (ReadListeners.way(request)) {
            case BLOCKING -> readBlocking(in, waitedFor, request, response, chain);
            case ON_THREAD -> waitOnThread(in, waitedFor, request, response, chain);
            case BY_DISPATCH -> waitByDispatch(in, waitedFor, request);
        }
    }

    private void waitOnThread(ServletInputStream in, boolean waitedFor, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        AsyncContext async = startAsync(request);
        try {
            Intake intake = new Intake(in);
            in.setReadListener(intake);
            byte[] body = intake.await(limitMillis(waitedFor));
            if (!intake.clientGone()) {
                passAnswering(intake.received(body, waitedFor), request, response, chain);
            }
        } finally {
            release(waitedFor);
            async.complete();
        }
    }

    /**
     * The chain, on a request this filter made asynchronous: a failure escaping it is answered here, because the
     * complete() that follows would otherwise end the request as an empty 200 before the server saw the failure.
     */
    private void passAnswering(ReceivedBody received, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        try {
            pass(received, request, response, chain);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            Failures.problem(e).writeTo(response, request.getRequestURI());
        }
    }

    private void waitByDispatch(ServletInputStream in, boolean waitedFor, HttpServletRequest request) {
        AsyncContext async = startAsync(request);
        Intake intake = new Intake(in);
        ScheduledFuture<?> deadline = scheduler.schedule(() -> intake.body.complete(null), limitMillis(waitedFor),
                TimeUnit.MILLISECONDS);
        intake.body.whenComplete((body, failure) -> {
            deadline.cancel(false);
            release(waitedFor);
            if (intake.clientGone()) {
                async.complete();
                return;
            }
            request.setAttribute(RECEIVED, intake.received(body, waitedFor));
            async.dispatch();
        });
        in.setReadListener(intake);
    }

    /** Only within a waiting place; bounded by the server's own read timeout per read, not by the body limit. */
    private void readBlocking(ServletInputStream in, boolean waitedFor, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!waitedFor) {
            refuse(request, response);
            return;
        }
        byte[] body;
        try {
            body = in.readNBytes(JsonBody.MAX_BYTES + 1);
        } catch (IOException e) {
            if (closedByClient(e)) {
                return;
            }
            body = null; // the server's read timed out: 408
        } finally {
            release(true);
        }
        pass(ReceivedBody.of(body, true), request, response, chain);
    }

    /** The connection ended (rather than a read timing out): there is no one to answer. */
    private static boolean closedByClient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof EOFException || message.contains("closed") || message.contains("reset")
                    || message.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static AsyncContext startAsync(HttpServletRequest request) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the body's own time limit applies; a container timeout would cut a slow write short
        return async;
    }

    private long limitMillis(boolean waitedFor) {
        return waitedFor ? TimeUnit.SECONDS.toMillis(timeoutSeconds) : GRACE_MILLIS;
    }

    private void pass(ReceivedBody received, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (received.refused()) {
            refuse(request, response);
        } else {
            chain.doFilter(received.wrap(request), response);
        }
    }

    private void release(boolean waitedFor) {
        if (waitedFor) {
            waiters.release();
        }
    }

    private boolean takesIn(HttpServletRequest request) {
        String method = request.getMethod();
        long length = request.getContentLengthLong();
        return request.getDispatcherType() == DispatcherType.REQUEST && WITH_BODY.contains(method) && length != 0
                && length <= JsonBody.MAX_BYTES && request.isAsyncSupported();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        try {
            Problem.of(Status.SERVICE_UNAVAILABLE, "slow-bodies", "Too many slow request bodies",
                            "the service is already waiting for " + waitingMax + " request bodies that are slow to "
                                    + "arrive; send the request again, its body with its headers")
                    .retryAfter(1)
                    .closeConnection() // its body is still on the way
                    .writeTo(response, request.getRequestURI());
        } catch (IOException e) {
            // the client has gone already: nothing to answer, nothing for the server to log
        }
    }

    /** Collects one body as its bytes arrive, on whichever thread the server calls it. */
    private static final class Intake implements ReadListener {

        private final ServletInputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private volatile Throwable failure;

        Intake(ServletInputStream in) {
            this.in = in;
        }

        /**
         * Whether the connection broke while the body was read: the client is gone, and an answer would only fail to
         * be written (each such failure cost Payara's log two stack traces, about 10 KB, that anyone could cause).
         */
        boolean clientGone() {
            return failure != null && closedByClient(failure);
        }

        /**
         * The body as the chain gets it. A read that failed with the connection still open is answered as a body
         * that did not arrive (408, connection closed), never passed on as if there were none, and logged.
         */
        ReceivedBody received(byte[] bytes, boolean waitedFor) {
            Throwable failed = failure;
            if (failed == null) {
                return ReceivedBody.of(bytes, waitedFor);
            }
            if (unreadLine.due()) {
                LOG.warning("reading a request body failed with its connection open (" + failed
                        + "); answered 408. Logged at most once a minute.");
            }
            return ReceivedBody.unread();
        }

        /** The whole body, or null when it was not complete in time or its connection broke. */
        byte[] await(long millis) {
            try {
                return body.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                body.cancel(false); // the listener reads nothing more
            }
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            while (!body.isDone() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                received.write(chunk, 0, n);
                if (received.size() > JsonBody.MAX_BYTES) {
                    body.complete(received.toByteArray()); // enough to know it is too large: JsonBody says 413
                }
            }
        }

        @Override
        public synchronized void onAllDataRead() {
            body.complete(received.toByteArray());
        }

        @Override
        public void onError(Throwable failure) {
            this.failure = failure;
            body.completeExceptionally(failure);
        }
    }
}
