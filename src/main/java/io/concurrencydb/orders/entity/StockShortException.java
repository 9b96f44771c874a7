package io.concurrencydb.orders.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** One or more lines ask for more than is in stock; the whole order is rolled back. */
@ApplicationException(rollback = true)
public class StockShortException extends RuntimeException {

    private final List<ShortLine> lines;

    public StockShortException(List<ShortLine> lines) {
        super(lines.size() + " line(s) ask for more than is in stock; nothing was taken");
        this.lines = List.copyOf(lines);
    }

    public List<ShortLine> lines() {
        return lines;
    }
}
