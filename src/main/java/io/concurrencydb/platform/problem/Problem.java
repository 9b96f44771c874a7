package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.ApiDocs;
import io.concurrencydb.platform.json.JsonBuilders;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details body. The type URIs are relative to the service and stable per failure kind;
 * failures the HTTP layer raises itself use "about:blank", as RFC 9457 section 4.2 suggests.
 */
public final class Problem {

    public static final String MEDIA_TYPE = ApiDocs.PROBLEM;

    /**
     * The request property (a servlet request attribute on every server) naming the type of the problem a
     * request was answered with, for the metrics.
     */
    public static final String ANSWERED = Problem.class.getName() + ".type";

    /** 422, for which Jakarta REST 3.1 has no constant (RFC 9110 section 15.5.21). */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final Response.StatusType status;
    private final String type;
    private final String title;
    private final String detail;
    private final JsonObjectBuilder extensions = JsonBuilders.FACTORY.createObjectBuilder();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(Response.StatusType status, String type, String title, String detail) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** A problem of one of this service's own kinds, typed "/problems/{kind}". */
    public static Problem of(Response.StatusType status, String kind, String title, String detail) {
        return new Problem(status, "/problems/" + kind, title, detail);
    }

    /** A plain HTTP failure whose status code says it all. */
    public static Problem http(Response.StatusType status, String detail) {
        return new Problem(status, "about:blank", status.getReasonPhrase(), detail);
    }

    public Problem with(String member, long value) {
        extensions.add(member, value);
        return this;
    }

    /** Asks the client to retry after {@code seconds} (503, and 409 while a request is in flight). */
    public Problem retryAfter(int seconds) {
        return header(HttpHeaders.RETRY_AFTER, seconds);
    }

    /** How to authenticate (401) or why the credentials fall short (403), as RFC 6750 section 3 spells it. */
    public Problem challenge(String wwwAuthenticate) {
        return header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
    }

    public Problem with(String member, String value) {
        extensions.add(member, value);
        return this;
    }

    /** Ends the connection after the answer (RFC 9110 section 7.6.1): what is left of the request is not read. */
    public Problem closeConnection() {
        return header("Connection", "close");
    }

    /** Tells the client the current version of the resource (412), as its ETag header value. */
    public Problem currentTag(String etag) {
        return header(HttpHeaders.ETAG, etag);
    }

    public Problem with(String member, JsonObjectBuilder... values) {
        var array = JsonBuilders.FACTORY.createArrayBuilder();
        for (JsonObjectBuilder value : values) {
            array.add(value);
        }
        extensions.add(member, array);
        return this;
    }

    public String type() {
        return type;
    }

    /** The last segment of the type: "version-conflict" for "/problems/version-conflict". */
    public String kind() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String detail() {
        return detail;
    }

    // kept as the text sent: Jersey would look a header delegate up for any other type, on every answer
    private Problem header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    /** The answer to {@code request}, the problem's type recorded on it for the metrics. */
    public Response toResponse(ContainerRequestContext request) {
        request.setProperty(ANSWERED, type);
        return toResponse(request.getUriInfo().getRequestUri().getRawPath());
    }

    /** The response for the request at {@code instance}, the path the client asked for. */
    public Response toResponse(String instance) {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(json(instance));
        headers.forEach(response::header);
        return response.build();
    }

    /** The answer written straight to a servlet response, for a filter that answers outside JAX-RS. */
    public void writeTo(HttpServletResponse response, String instance) throws IOException {
        byte[] body = json(instance).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.getStatusCode());
        headers.forEach(response::setHeader);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The body alone. */
    public String json(String instance) {
        return JsonBuilders.FACTORY.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .add("instance", instance)
                .addAll(extensions)
                .build()
                .toString();
    }
}
