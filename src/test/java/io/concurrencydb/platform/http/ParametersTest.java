package io.concurrencydb.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void idsAreDigitsOnly() {
        assertEquals(42L, Parameters.id("42", "product"));
        for (String bad : new String[] {"", "-1", "+1", "1.0", "1e3", "abc", " 1", "\u0661"}) {
            assertThrows(InvalidInputException.class, () -> Parameters.id(bad, "product"), bad);
        }
    }

    @Test
    void idsBeyondAnyRowAreNotFound() {
        assertThrows(EntityNotFoundException.class, () -> Parameters.id("9".repeat(19), "product"));
        assertThrows(EntityNotFoundException.class, () -> Parameters.id("9".repeat(500), "product"));
    }

    @Test
    void queryParametersDefaultAndStayInRange() {
        assertEquals(100L, Parameters.query("limit", null, 100, 1, 1000));
        assertEquals(-5L, Parameters.query("n", "-5", 0, -10, 10));
        for (String bad : new String[] {"", "-", "0", "1001", "1.5", "9".repeat(30), "ten"}) {
            assertThrows(InvalidInputException.class, () -> Parameters.query("limit", bad, 100, 1, 1000), bad);
        }
    }
}
