package io.concurrencydb.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderLineTest {

    @Test
    @DisplayName("O1 lines naming the same product are merged, quantities added, sorted by product id")
    void linesAreMergedAndSorted() {
        List<OrderLine> merged = OrderLine.merge(List.of(
                new OrderLine(9, 1), new OrderLine(3, 2), new OrderLine(9, 4), new OrderLine(5, 1)));

        assertEquals(List.of(new OrderLine(3, 2), new OrderLine(5, 1), new OrderLine(9, 5)), merged);
    }

    @Test
    @DisplayName("O1 merged quantities past 2147483647 are invalid input, not an overflow")
    void mergedQuantityCannotOverflow() {
        List<OrderLine> lines = List.of(new OrderLine(1, Integer.MAX_VALUE), new OrderLine(1, 1));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> OrderLine.merge(lines));
        assertEquals("items: the quantities of product 1 add up to more than 2147483647", failure.getMessage());
    }
}
