package io.concurrencydb.site;

import io.concurrencydb.platform.health.DatabaseProbe;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

/**
 * The front page (W1): WEB-INF/front-page.html with the facts filled in, for a GET or HEAD of the context root;
 * every other request goes on. A filter, not a servlet mapped by the empty pattern: Payara 6 cannot undeploy a
 * WAR with that mapping (Grizzly's Mapper.removeWrapper fails with NegativeArraySizeException), and the next
 * deployment then found the old one's change feed sequencer still holding the feed.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class FrontPage extends HttpFilter {

    private static final String UNKNOWN = "unknown";

    @EJB
    DatabaseProbe database;

    // the page with what cannot change while it runs filled in; the database's state is filled in per request
    private String template;

    @Override
    public void init() throws ServletException {
        try (InputStream page = getServletContext().getResourceAsStream("/WEB-INF/front-page.html")) {
            template = new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new ServletException("WEB-INF/front-page.html is missing from the WAR", e);
        }
        template = fill(template, Map.of(
                "runtime", runtime(),
                "java", Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")",
                "version", implementationVersion()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || !request.getRequestURI().equals(request.getContextPath() + "/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> databaseVersion = database.version();
        String page = fill(template, Map.of(
                "database-state", databaseVersion.isPresent() ? "up" : "down",
                "database", databaseVersion.map(v -> "PostgreSQL " + v + " answers")
                        .orElse("not answering: the API answers 503 with Retry-After until it is back")));
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * The server as it presents itself, and the Servlet version its container reports.
     * Payara Micro presents its name alone, as in its Server header: its version is not disclosed by default.
     */
    private String runtime() {
        ServletContext servlet = getServletContext();
        return servlet.getServerInfo() + ", Servlet " + servlet.getMajorVersion() + "." + servlet.getMinorVersion();
    }

    /** The WAR's own version, from the manifest Maven writes. */
    private String implementationVersion() {
        try (InputStream manifest = getServletContext().getResourceAsStream("/META-INF/MANIFEST.MF")) {
            String value = manifest == null ? null
                    : new Manifest(manifest).getMainAttributes().getValue("Implementation-Version");
            return value == null ? UNKNOWN : value;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String fill(String page, Map<String, String> facts) {
        String filled = page;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            filled = filled.replace("${" + fact.getKey() + "}", escape(fact.getValue()));
        }
        return filled;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
