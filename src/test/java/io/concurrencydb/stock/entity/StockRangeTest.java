package io.concurrencydb.stock.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.concurrencydb.catalog.entity.Product;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StockRangeTest {

    @Test
    @DisplayName("S2 an adjustment within 0 to 2147483647 gives the new stock, the bounds included")
    void withinRange() {
        assertEquals(0, StockRange.adjusted(stock(5), -5));
        assertEquals(Integer.MAX_VALUE, StockRange.adjusted(stock(Integer.MAX_VALUE - 1), 1));
        assertEquals(Integer.MAX_VALUE, StockRange.adjusted(stock(0), Integer.MAX_VALUE));
    }

    @Test
    @DisplayName("S2 below zero is insufficient-stock with the stock and version; past the top, stock-out-of-range")
    void outOfRange() {
        InsufficientStockException short1 = assertThrows(InsufficientStockException.class,
                () -> StockRange.adjusted(stock(5), -6));
        String body = short1.problem().json("/");
        assertTrue(body.contains("\"stock_quantity\":5") && body.contains("\"version\":3"), body);
        assertThrows(InsufficientStockException.class, () -> StockRange.adjusted(stock(0), Integer.MIN_VALUE));
        assertThrows(StockOutOfRangeException.class, () -> StockRange.adjusted(stock(Integer.MAX_VALUE), 1));
    }

    private static Product stock(int quantity) {
        return new Product(1, "P", null, BigDecimal.ONE, quantity, 3, null, null, null, null);
    }
}
