package io.concurrencydb.platform.idempotency;

/** The response an idempotent request gave, kept to answer its replays byte for byte. */
public record StoredResponse(int status, String location, String etag, String body) {
}
