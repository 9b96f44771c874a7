package io.concurrencydb.platform.json;

import io.concurrencydb.platform.problem.BodyNotReceivedException;
import io.concurrencydb.platform.problem.MalformedBodyException;
import io.concurrencydb.platform.problem.PayloadTooLargeException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body as one JSON object. Bodies are read by hand rather than by a JSON-B provider so that
 * the limits and the errors are the same on every server: at most {@link #MAX_BYTES}, strict UTF-8, exactly
 * one object.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 1024 * 1024;

    /** Deeper than any body of this API (an order's lines are three levels), far below what a stack holds. */
    public static final int MAX_DEPTH = 32;

    // A duplicate member is refused: parsers disagree on which value wins, and a body must mean one thing.
    // JSON-P 2.1 names the rule for readers; Parsson (Payara's and WildFly's JSON-P) also for parsers.
    // Nesting is bounded: Parsson parses a value recursively and allows 1,000 levels by default, which on the
    // server's 512 KiB request-thread stacks (jvm.options) overflowed before the limit while the parser was
    // still interpreted: a body of 100,000 '[' was answered 500 in one CI run.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys", true,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH));

    private JsonBody() {
    }

    public static JsonObject readObject(InputStream body) {
        return parseObject(read(body));
    }

    /** The raw body, at most {@link #MAX_BYTES}; reading stops one byte past the limit. */
    public static byte[] read(InputStream body) {
        return readAtMost(body, MAX_BYTES);
    }

    /** One JSON object from a body already read. */
    public static JsonObject parseObject(byte[] body) {
        String text = decode(body);
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new MalformedBodyException("the body must hold one JSON value, but more follows it");
            }
        } catch (MalformedBodyException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException for bad syntax; implementations also throw others for duplicates and nesting depth
            throw new MalformedBodyException("the body is not valid JSON" + position(e));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBodyException("the body must be a JSON object, not " + describe(value));
        }
        return value.asJsonObject();
    }

    private static byte[] readAtMost(InputStream body, int limit) {
        if (body == null) {
            throw new MalformedBodyException("the body is empty; send a JSON object");
        }
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return bytes;
        } catch (IOException e) {
            // the body stopped arriving: the server's read timed out, the connection broke, or BodyIntakeFilter
            // gave up waiting; the client sent less than it declared, so the request cannot be answered
            throw new BodyNotReceivedException("the request body stopped arriving before it was complete; "
                    + "send the request again");
        }
    }

    private static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new MalformedBodyException("the body is empty; send a JSON object");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("the body is not valid UTF-8");
        }
    }

    private static String position(RuntimeException e) {
        if (e instanceof JsonParsingException parsing && parsing.getLocation() != null) {
            var at = parsing.getLocation();
            return " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        }
        return "";
    }

    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
