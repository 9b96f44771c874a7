package io.concurrencydb.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The conditional-write decision, without a server: which versions a write may replace, and what it answers. */
class ExpectedVersionTest {

    private static final ProductDraft PEN = new ProductDraft("Pen", null, new BigDecimal("1.50"), 10);

    @Test
    @DisplayName("H4 PUT and PATCH need If-Match or a body version: 428 without, 400 when they disagree")
    void replaceNeedsACondition() {
        assertEquals("/problems/precondition-required", type(() -> ExpectedVersion.required(null, null)));
        assertEquals("/problems/validation", type(() -> ExpectedVersion.required("\"3\"", 4L)));
        assertEquals(Set.of(4L), ExpectedVersion.required("\"3\", \"4\"", 4L).versions());
        assertEquals(Set.of(4L), ExpectedVersion.required("*", 4L).versions());
    }

    @Test
    @DisplayName("H6 DELETE without If-Match is unconditional; * allows any version")
    void deleteIsUnconditionalWithoutIfMatch() {
        assertEquals(Optional.empty(), ExpectedVersion.optional(null, null));
        ExpectedVersion any = ExpectedVersion.optional("*", null).orElseThrow();
        assertTrue(any.any());
        assertTrue(any.matches(123));
    }

    @Test
    @DisplayName("H3 If-Match lists versions; a weak or foreign tag never matches, a malformed list is 400")
    void ifMatchListsVersions() {
        ExpectedVersion listed = ExpectedVersion.required("\"2\", W/\"3\", \"abc\"", null);
        assertTrue(listed.matches(2));
        assertFalse(listed.matches(3));
        assertEquals("/problems/validation", type(() -> ExpectedVersion.required("2", null)));
    }

    @Test
    @DisplayName("H3 a mismatch is 412 with the current version for If-Match, and H4 the original 409 for a body version")
    void mismatchAnswersAsAsked() {
        ProblemException failed = ExpectedVersion.required("\"1\"", null).mismatch(5);
        ProblemException conflict = ExpectedVersion.required(null, 1L).mismatch(5);

        assertEquals("/problems/precondition-failed", failed.problem().type());
        assertTrue(failed.problem().json("/").contains("\"version\":5"), failed.problem().json("/"));
        assertEquals("/problems/version-conflict", conflict.problem().type());
    }

    @Test
    @DisplayName("H5 an If-Match write that already took effect is answered with the stored product")
    void retriedWriteThatTookEffect() {
        Product stored = product(PEN, 6);

        assertSame(stored, ExpectedVersion.required("\"5\"", null).alreadyApplied(stored, PEN));
        ProductDraft other = new ProductDraft("Pen", null, new BigDecimal("1.75"), 10);
        assertEquals("/problems/precondition-failed",
                type(() -> ExpectedVersion.required("\"5\"", null).alreadyApplied(stored, other)));
        assertEquals("/problems/version-conflict",
                type(() -> ExpectedVersion.required(null, 5L).alreadyApplied(stored, PEN)));
    }

    private static Product product(ProductDraft draft, long version) {
        return new Product(7, draft.name(), draft.description(), draft.price(), draft.stockQuantity(), version,
                null, null, null, null);
    }

    private static String type(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().type();
    }
}
