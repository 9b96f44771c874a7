package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page ends: the sort it was made for, and the last product's sort key and id. A client sees it as an
 * opaque string (base64url of "sort key id", the key's text escaped), hands it back as {@code after}, and the next
 * page starts strictly after that product, wherever writers have moved the rest. A cursor is checked like any
 * input: one that does not decode, or was made for another sort, is a 400.
 */
public record Cursor(ProductSort sort, String key, long id) {

    private static final int MAX_LENGTH = 1024;
    private static final String INVALID = "is not a cursor this service gave out; start again without after";

    /** The cursor after {@code last} in {@code sort}. */
    public static Cursor after(Product last, ProductSort sort) {
        String key = switch (sort.key()) {
            case ID -> "";
            case NAME -> last.name();
            case PRICE -> last.price().toPlainString();
            case UPDATED_AT -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.updatedAt().toInstant()));
        };
        return new Cursor(sort, key, last.id());
    }

    public String encode() {
        String text = sort.wireName() + '\n' + id + '\n' + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent as {@code after}, which must have been made for {@code sort}. */
    public static Cursor decode(String raw, ProductSort sort) {
        if (raw.isEmpty() || raw.length() > MAX_LENGTH) {
            throw new InvalidInputException("after", INVALID);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", INVALID);
        }
        String[] parts = text.split("\n", 3);
        if (parts.length != 3) {
            throw new InvalidInputException("after", INVALID);
        }
        if (!parts[0].equals(sort.wireName())) {
            throw new InvalidInputException("after", "was made for sort=" + printable(parts[0])
                    + ", not sort=" + sort.wireName() + "; send the same sort with it, or start again");
        }
        Cursor cursor = new Cursor(sort, parts[2], number(parts[1]));
        cursor.value();  // the key must be one of this sort's
        return cursor;
    }

    /** The key as the column's type, for the statement's comparison. */
    public Object value() {
        switch (sort.key()) {
            case ID -> {
                if (key.isEmpty()) {
                    return null;
                }
            }
            case NAME -> {
                if (key.codePointCount(0, key.length()) <= 255 && key.indexOf('\0') < 0) {
                    return key;
                }
            }
            case PRICE -> {
                BigDecimal price = price(key);
                if (price != null) {
                    return price;
                }
            }
            case UPDATED_AT -> {
                // at most 18 digits of microseconds: well within Instant's range
                return OffsetDateTime.ofInstant(Instant.EPOCH.plus(number(key), ChronoUnit.MICROS), ZoneOffset.UTC);
            }
        }
        throw new InvalidInputException("after", INVALID);
    }

    /** A price as the column holds it (0 to 99999999.99), or null. */
    private static BigDecimal price(String text) {
        try {
            BigDecimal price = new BigDecimal(text);
            boolean fits = price.signum() >= 0 && price.scale() <= 2 && price.precision() - price.scale() <= 8;
            return fits ? price : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("after", INVALID);
        }
        return Long.parseLong(digits);
    }

    private static String printable(String text) {
        return text.length() <= 20 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? text : "another";
    }
}
