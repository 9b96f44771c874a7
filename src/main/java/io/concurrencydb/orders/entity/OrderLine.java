package io.concurrencydb.orders.entity;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A product and how many of it an order takes. */
public record OrderLine(long productId, int quantity) {

    /**
     * The lines as an order takes them (rule O1): one per product, the quantities of lines naming the same
     * product added, sorted by product id. A sum past 2147483647 is invalid input, not an overflow.
     */
    public static List<OrderLine> merge(List<OrderLine> requested) {
        Map<Long, Long> quantities = new TreeMap<>();
        requested.forEach(line -> quantities.merge(line.productId(), (long) line.quantity(), Long::sum));
        List<OrderLine> lines = new ArrayList<>(quantities.size());
        quantities.forEach((productId, quantity) -> {
            if (quantity > Integer.MAX_VALUE) {
                throw new InvalidInputException("items", "the quantities of product " + productId
                        + " add up to more than 2147483647");
            }
            lines.add(new OrderLine(productId, quantity.intValue()));
        });
        return lines;
    }
}
