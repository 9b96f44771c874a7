package io.concurrencydb.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final Product PEN = new Product(42, "Pen\nwith a line", null, new BigDecimal("1.50"), 3, 0,
            OffsetDateTime.parse("2026-12-03T10:15:30.123456Z"), OffsetDateTime.parse("2026-12-03T10:15:30.123456Z"),
            null, null);

    @Test
    @DisplayName("C7 a cursor round-trips the last product's sort key and id for every sort")
    void roundTrips() {
        for (String sort : new String[] {"id", "-id", "name", "-price", "updated_at"}) {
            ProductSort order = ProductSort.parse(sort);
            Cursor cursor = Cursor.after(PEN, order);

            Cursor decoded = Cursor.decode(cursor.encode(), order);

            assertEquals(cursor, decoded, sort);
            assertEquals(42, decoded.id());
        }
        assertEquals("Pen\nwith a line", Cursor.decode(Cursor.after(PEN, ProductSort.parse("name")).encode(),
                ProductSort.parse("name")).value());
        assertEquals(PEN.updatedAt(), Cursor.decode(Cursor.after(PEN, ProductSort.parse("updated_at")).encode(),
                ProductSort.parse("updated_at")).value());
    }

    @Test
    @DisplayName("C9 a cursor for another sort, or one that does not decode to this sort's key, is a 400 on after")
    void refusesForeignAndTamperedCursors() {
        String byPrice = Cursor.after(PEN, ProductSort.parse("price")).encode();

        assertField(() -> Cursor.decode(byPrice, ProductSort.parse("-price")));
        assertField(() -> Cursor.decode("!!!", ProductSort.BY_ID));
        assertField(() -> Cursor.decode(encode("price\n42\n1.505"), ProductSort.parse("price")));
        assertField(() -> Cursor.decode(encode("price\n42\n-1"), ProductSort.parse("price")));
        assertField(() -> Cursor.decode(encode("id\n-1\n"), ProductSort.BY_ID));
        assertField(() -> Cursor.decode(encode("id\n7\nx"), ProductSort.BY_ID));
        assertField(() -> Cursor.decode(encode("updated_at\n7\n99999999999999999999"),
                ProductSort.parse("updated_at")));
        assertField(() -> Cursor.decode(encode("name\n7"), ProductSort.parse("name")));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertField(Runnable decode) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, decode::run);
        assertEquals(true, failure.problem().json("/").contains("\"field\":\"after\""), failure.getMessage());
    }
}
