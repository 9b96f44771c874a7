package io.concurrencydb.platform.json;

import io.concurrencydb.platform.problem.FieldError;
import io.concurrencydb.platform.problem.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads typed members out of a request object and collects every broken rule, so that one 400 lists them all.
 * Types are checked exactly: a number is not a string, 1.5 is not an integer, and nothing is coerced.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String prefix;
    private final List<FieldError> errors;

    public JsonFields(JsonObject object, Set<String> known) {
        this(object, known, "", new ArrayList<>());
    }

    /** The members of an object nested in another, reported as {@code prefix + name}, errors joining the outer's. */
    public JsonFields nested(JsonObject nested, Set<String> known, String nestedPrefix) {
        return new JsonFields(nested, known, prefix + nestedPrefix, errors);
    }

    private JsonFields(JsonObject object, Set<String> known, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
        object.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> reject(printable(name), "is not a member of this resource"));
    }

    /** A required string of 1 to {@code maxCodePoints} Unicode code points that is not blank. */
    public String requiredText(String name, int maxCodePoints) {
        JsonValue value = object.get(name);
        if (isAbsent(value)) {
            return reject(name, "is required");
        }
        String text = text(name, value, maxCodePoints);
        if (text != null && text.isBlank()) {
            return reject(name, "must not be blank");
        }
        return text;
    }

    /** An optional string (absent or null gives null) without a length limit beyond the body's. */
    public String optionalText(String name) {
        JsonValue value = object.get(name);
        return isAbsent(value) ? null : text(name, value, Integer.MAX_VALUE);
    }

    /** A required number in [min, max] with at most {@code maxScale} decimals, exactly as sent. */
    public BigDecimal requiredDecimal(String name, BigDecimal min, BigDecimal max, int maxScale) {
        BigDecimal number = number(name, min, max);
        if (number != null && number.stripTrailingZeros().scale() > maxScale) {
            return reject(name, "must have at most " + maxScale + " decimal places");
        }
        return number;
    }

    /** A required integer in [min, max]; 5.0 counts as 5, 5.5 does not. */
    public Long requiredInteger(String name, long min, long max) {
        if (isAbsent(object.get(name))) {
            return reject(name, "is required");
        }
        return integer(name, min, max);
    }

    /** An optional integer in [min, max], or null when absent. */
    public Long optionalInteger(String name, long min, long max) {
        return isAbsent(object.get(name)) ? null : integer(name, min, max);
    }

    /** A required array of 1 to {@code maxSize} objects, or null (with an error) if it is not one. */
    public List<JsonObject> requiredObjects(String name, int maxSize) {
        JsonValue value = object.get(name);
        if (isAbsent(value)) {
            return reject(name, "is required");
        }
        if (!(value instanceof JsonArray array)) {
            return reject(name, "must be an array, not " + JsonBody.describe(value));
        }
        if (array.isEmpty() || array.size() > maxSize) {
            return reject(name, "must have 1 to " + maxSize + " entries");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject entry)) {
                return reject(name + "[" + i + "]", "must be an object, not " + JsonBody.describe(array.get(i)));
            }
            objects.add(entry);
        }
        return objects;
    }

    /** Throws the collected errors, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private Long integer(String name, long min, long max) {
        BigDecimal number = number(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            return reject(name, "must be a whole number");
        }
        return number.longValueExact();
    }

    private BigDecimal number(String name, BigDecimal min, BigDecimal max) {
        JsonValue value = object.get(name);
        if (isAbsent(value)) {
            return reject(name, "is required");
        }
        if (!(value instanceof JsonNumber json)) {
            return reject(name, "must be a number, not " + JsonBody.describe(value));
        }
        // compared before any other arithmetic, so that 1e999999999 costs nothing
        BigDecimal number;
        try {
            number = json.bigDecimalValue();
        } catch (RuntimeException e) {
            // the JSON-P implementation refuses numbers of absurd length
            return reject(name, "is too long a number");
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return reject(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return number;
    }

    private String text(String name, JsonValue value, int maxCodePoints) {
        if (!(value instanceof JsonString json)) {
            return reject(name, "must be a string, not " + JsonBody.describe(value));
        }
        String text = json.getString();
        if (text.indexOf('\0') >= 0) {
            return reject(name, "must not contain NUL characters");
        }
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return reject(name, "must not contain unpaired surrogates");
        }
        if (maxCodePoints != Integer.MAX_VALUE && text.codePointCount(0, text.length()) > maxCodePoints) {
            return reject(name, "must be at most " + maxCodePoints + " characters");
        }
        return text;
    }

    /** A client's member name, echoed only when it is short and plain, so no body carries markup from a client. */
    private static String printable(String name) {
        return name.length() <= 64 && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                ? name : "(a member name that is not plain text)";
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private <T> T reject(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
        return null;
    }
}
