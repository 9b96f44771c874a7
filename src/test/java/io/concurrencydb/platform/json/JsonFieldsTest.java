package io.concurrencydb.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.problem.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonFields fields(String json, String... known) {
        JsonObject object = JsonBody.readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return new JsonFields(object, Set.of(known));
    }

    @Test
    void textLimitCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        JsonFields fields = fields("{\"a\": \"" + emoji.repeat(3) + "\"}", "a");

        assertEquals(emoji.repeat(3), fields.requiredText("a", 3));
        fields.validate();
    }

    @Test
    void everyBrokenRuleIsCollected() {
        JsonFields fields = fields("{\"a\": 1, \"b\": \"x\", \"c\": 2.5, \"z\": 0}", "a", "b", "c");

        fields.requiredText("a", 10);
        fields.requiredDecimal("b", BigDecimal.ZERO, BigDecimal.TEN, 2);
        fields.requiredInteger("c", 0, 10);
        fields.requiredInteger("d", 0, 10);
        InvalidInputException failure = assertThrows(InvalidInputException.class, fields::validate);

        assertEquals(List.of("z", "a", "b", "c", "d"), errors(failure).stream().map(e -> e.getString("field")).toList());
    }

    @Test
    void decimalsKeepTheirExactValueAndScale() {
        JsonFields fields = fields("{\"price\": 1299.990}", "price");

        assertEquals(new BigDecimal("1299.990"),
                fields.requiredDecimal("price", BigDecimal.ZERO, new BigDecimal("99999999.99"), 2));
        fields.validate();
    }

    @Test
    void integralDecimalCountsAsInteger() {
        JsonFields fields = fields("{\"n\": 5.0, \"m\": 5e2}", "n", "m");

        assertEquals(5L, fields.requiredInteger("n", 0, 10));
        assertEquals(500L, fields.requiredInteger("m", 0, 1000));
        fields.validate();
    }

    @Test
    void hugeExponentIsOutOfRangeWithoutArithmetic() {
        JsonFields fields = fields("{\"n\": 1e999999999}", "n");

        assertNull(fields.requiredInteger("n", 0, Integer.MAX_VALUE));
        assertEquals("must be between 0 and 2147483647",
                errors(assertThrows(InvalidInputException.class, fields::validate)).get(0).getString("message"));
    }

    @Test
    void nullOptionalTextIsNull() {
        JsonFields fields = fields("{\"d\": null}", "d");

        assertNull(fields.optionalText("d"));
        fields.validate();
    }

    /** The "errors" member of the failure's problem, as a client reads it. */
    private static List<JsonObject> errors(InvalidInputException failure) {
        return Json.createReader(new StringReader(failure.problem().json("/"))).readObject()
                .getJsonArray("errors").getValuesAs(JsonObject.class);
    }
}
