package io.concurrencydb.platform.idempotency;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A client's Idempotency-Key and the SHA-256 of the body it came with. */
public record IdempotencyKey(String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    /** Null when the header is absent; 400 when it is not 1 to 255 printable ASCII characters. */
    public static IdempotencyKey of(String header, byte[] body) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH
                || !header.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new InvalidInputException(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        return new IdempotencyKey(header, sha256(body));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
