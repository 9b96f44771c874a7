package io.concurrencydb.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Checks of RFC 9457 problem details responses. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts an RFC 9457 body of the given status and type, with nothing internal in it. */
    public static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Api.json(response);
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertTrue(problem.getString("instance").startsWith("/"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("SQL"), response.body());
    }
}
