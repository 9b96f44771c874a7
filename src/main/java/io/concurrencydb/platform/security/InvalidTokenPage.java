package io.concurrencydb.platform.security;

import io.concurrencydb.platform.ApiDocs;
import io.concurrencydb.platform.json.JsonBuilders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A token the server's MicroProfile JWT refuses (bad signature, expired, wrong issuer or audience, malformed) is
 * answered by the server itself with a bare 401, before any of the WAR's code runs. web.xml sends that 401 to an
 * error page; this writes it as the same problem the API gives, with the request's path as instance and the
 * challenge RFC 6750 asks for (WEB-INF/problems/401.problem remains for a dispatch this filter does not see).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class InvalidTokenPage extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!Integer.valueOf(HttpServletResponse.SC_UNAUTHORIZED)
                .equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            chain.doFilter(request, response);
            return;
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        byte[] body = JsonBuilders.FACTORY.createObjectBuilder()
                .add("type", "/problems/invalid-token")
                .add("title", "Invalid token")
                .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                .add("detail", InvalidToken.REFUSED)
                .add("instance", path == null ? "/" : path.toString())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", InvalidToken.CHALLENGE);
        response.setContentType(ApiDocs.PROBLEM);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
