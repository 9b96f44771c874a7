package io.concurrencydb.platform.server;

import io.concurrencydb.platform.logging.OncePerMinute;
import io.concurrencydb.platform.security.InvalidToken;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A token the server's MicroProfile JWT refuses (bad signature, expired, wrong issuer or audience, malformed) is
 * answered by the server itself, before any of the WAR's code runs: with a bare 401, or, on WildFly, with a bare
 * 500 when no key matches the token (a JWKS without its kid, or no key configured at all). web.xml sends both to
 * error pages; this writes them as the same 401 problem the API gives, with the request's path as instance and
 * the challenge RFC 6750 asks for (WEB-INF/problems/401.problem remains for a dispatch this filter does not see).
 *
 * <p>A 500 counts as a refused token only when the request carried a bearer token, was not authenticated, and no
 * exception is attached (the WAR's own failures never reach an error page: the API answers them itself). Such a
 * 500 can also mean the identity provider's key set could not be fetched; that is logged, at most once a minute.
 *
 * <p>Anyone can send a bad token, so a refusal must not cost the log more than a count: the servers' own stack
 * traces for them are switched off (Payara's SignedJWTIdentityStore logs each at INFO; see pre-boot-commands.asadmin)
 * and this writes one line with the number refused, at the first refusal and then at most once a minute.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR, asyncSupported = true)
public class InvalidTokenPage extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(InvalidTokenPage.class.getName());
    private static final OncePerMinute verifierFailureLine = new OncePerMinute();
    private static final OncePerMinute refusalsLine = new OncePerMinute();
    private static final AtomicLong refusals = new AtomicLong();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        boolean refused = Integer.valueOf(HttpServletResponse.SC_UNAUTHORIZED).equals(status);
        if (!refused && verifierFailed(request, status)) {
            refused = true;
            logVerifierFailure();
        }
        if (!refused) {
            chain.doFilter(request, response);
            return;
        }
        countRefusal();
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        InvalidToken.problem(InvalidToken.REFUSED).writeTo(response, path == null ? "/" : path.toString());
    }

    private static boolean verifierFailed(HttpServletRequest request, Object status) {
        String authorization = request.getHeader("Authorization");
        return Integer.valueOf(HttpServletResponse.SC_INTERNAL_SERVER_ERROR).equals(status)
                && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && request.getUserPrincipal() == null
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null;
    }

    private static void countRefusal() {
        refusals.incrementAndGet();
        if (refusalsLine.due()) {
            LOG.info(refusals.getAndSet(0) + " bearer token(s) refused with 401 invalid-token since the last such "
                    + "line (at most one a minute)");
        }
    }

    private static void logVerifierFailure() {
        if (verifierFailureLine.due()) {
            LOG.warning("The server could not verify a bearer token (no key with its kid, or the key set could "
                    + "not be read from MP_JWT_VERIFY_PUBLICKEY_LOCATION); answered 401. Logged once a minute.");
        }
    }
}
