package io.concurrencydb.platform.http;

import io.concurrencydb.platform.json.JsonBody;
import io.concurrencydb.platform.problem.PayloadTooLargeException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a body whose declared length is over the limit before anything reads it, so the client learns at
 * once instead of after uploading. Bodies without a length are cut off by {@link JsonBody} while being read.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > JsonBody.MAX_BYTES) {
            throw new PayloadTooLargeException(JsonBody.MAX_BYTES);
        }
    }
}
