package io.concurrencydb.platform.http;

import io.concurrencydb.platform.ApiDocs;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Outside /api the WAR serves only static pages. The servlet container would answer other methods on them with
 * a bodyless 403; this answers 405 problem details with Allow instead.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class StaticResourceMethodsFilter extends HttpFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String API = "/api/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (READ_METHODS.contains(request.getMethod()) || path.startsWith(API) || path.equals("/api")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                + "\"detail\":\"this resource can only be read\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setContentType(ApiDocs.PROBLEM);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
