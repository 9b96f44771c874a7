package io.concurrencydb.orders.entity;

import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import io.concurrencydb.stock.entity.InsufficientStockException;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** One or more lines ask for more than is in stock (rule O3); the whole order is rolled back. */
public class StockShortException extends ProblemException {

    public StockShortException(List<ShortLine> lines) {
        super(Problem.of(Status.CONFLICT, InsufficientStockException.KIND, InsufficientStockException.TITLE,
                        lines.size() + " line(s) ask for more than is in stock; nothing was taken")
                .with("lines", lines.stream()
                        .map(line -> JsonBuilders.FACTORY.createObjectBuilder()
                                .add("product_id", line.productId())
                                .add("requested", line.requested())
                                .add("stock_quantity", line.available()))
                        .toArray(JsonObjectBuilder[]::new)));
    }
}
