package io.concurrencydb.platform.http;

import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.problem.InvalidInputException;
import java.math.BigDecimal;

/**
 * Path and query parameters are taken as strings and parsed here: JAX-RS would answer a query parameter that
 * fails to convert with 404, and this API promises a 400 that names the parameter.
 */
public final class Parameters {

    private Parameters() {
    }

    /** The id of an {@code entity} from the path; a well-formed id too large for any row is simply not found. */
    public static long id(String raw, String entity) {
        if (raw == null || raw.isEmpty() || !raw.chars().allMatch(Parameters::isDigit)) {
            throw new InvalidInputException("id", "must be a positive whole number");
        }
        if (raw.length() > 18) {
            // may overflow a long, and is far beyond the id column's range anyway
            throw new EntityNotFoundException(entity, raw.length() > 40 ? raw.substring(0, 40) + "..." : raw);
        }
        return Long.parseLong(raw);
    }

    /** An optional whole-number query parameter in [min, max]. */
    public static long query(String name, String raw, long defaultValue, long min, long max) {
        if (raw == null) {
            return defaultValue;
        }
        String digits = raw.startsWith("-") ? raw.substring(1) : raw;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Parameters::isDigit)) {
            throw new InvalidInputException(name, "must be a whole number between " + min + " and " + max);
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw new InvalidInputException(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** An optional decimal query parameter from 0 to {@code max}, with at most {@code scale} decimals. */
    public static BigDecimal decimal(String name, String raw, BigDecimal max, int scale) {
        if (raw == null) {
            return null;
        }
        String message = "must be a number from 0 to " + max.toPlainString() + " with at most " + scale
                + " decimals";
        if (raw.isEmpty() || raw.length() > 20 || !raw.chars().allMatch(c -> isDigit(c) || c == '.')) {
            throw new InvalidInputException(name, message);
        }
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.scale() > scale || value.compareTo(max) > 0) {
                throw new InvalidInputException(name, message);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, message);
        }
    }

    /** An optional true or false query parameter. */
    public static Boolean bool(String name, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
