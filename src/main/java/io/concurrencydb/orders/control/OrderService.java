package io.concurrencydb.orders.control;

import io.concurrencydb.catalog.control.Outbox;
import io.concurrencydb.catalog.control.ProductRows;
import io.concurrencydb.catalog.entity.ChangeKind;
import io.concurrencydb.orders.entity.Order;
import io.concurrencydb.orders.entity.OrderLine;
import io.concurrencydb.orders.entity.ShortLine;
import io.concurrencydb.orders.entity.StockShortException;
import io.concurrencydb.orders.entity.UnknownProductsException;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.replication.CommitGuard;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Places and reads orders; placing one is a single container-managed JTA transaction over all its lines. */
@Stateless
public class OrderService {

    // FOR UPDATE locks rows in the order the sort returns them: ascending id, the same for every order, so two
    // orders over the same products wait for each other instead of deadlocking.
    private static final String LOCK_PRODUCTS = """
            SELECT id, stock_quantity FROM products WHERE id = ANY(?) ORDER BY id FOR UPDATE""";

    // All lines in one statement, each changed product recording its change-feed event (Outbox). The rows are
    // locked already, and the lines merged: each product is updated once.
    private static final String TAKE_STOCK = Outbox.recording(ChangeKind.ORDERED, """
            UPDATE products
            SET stock_quantity = stock_quantity - line.quantity, version = version + 1, updated_at = now(),
                updated_by = ?
            FROM unnest(?::integer[], ?::integer[]) AS line (product_id, quantity)
            WHERE id = line.product_id
            RETURNING %s""".formatted(ProductRows.COLUMNS));

    private static final String INSERT_ORDER = """
            INSERT INTO orders (created_by) VALUES (?) RETURNING id, created_at""";

    private static final String INSERT_LINE = """
            INSERT INTO order_items (order_id, product_id, quantity) VALUES (?, ?, ?)""";

    private static final String SELECT_ORDER = """
            SELECT o.id, o.created_at, o.created_by, i.product_id, i.quantity
            FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
            WHERE o.id = ?
            ORDER BY i.product_id""";

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CommitGuard commits;

    /**
     * Takes the stock of every line, or of none. {@code lines} are merged and sorted by product id; {@code caller}
     * is recorded as the order's creator and the products' last writer.
     */
    public Order place(List<OrderLine> lines, String caller) {
        try (Connection connection = commits.connect(dataSource)) {
            Map<Long, Integer> stock = lockProducts(connection, lines);
            List<Long> unknown = lines.stream().map(OrderLine::productId).filter(id -> !stock.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw new UnknownProductsException(unknown);
            }
            List<ShortLine> shortLines = new ArrayList<>();
            for (OrderLine line : lines) {
                if (stock.get(line.productId()) < line.quantity()) {
                    shortLines.add(new ShortLine(line.productId(), line.quantity(), stock.get(line.productId())));
                }
            }
            if (!shortLines.isEmpty()) {
                throw new StockShortException(shortLines);
            }
            takeStock(connection, lines, caller);
            return insertOrder(connection, lines, caller);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    // One statement, one snapshot: no transaction needed, and none saves the COMMIT round trip.
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Order> find(long id) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement select = connection.prepareStatement(SELECT_ORDER)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<OrderLine> lines = new ArrayList<>();
                OffsetDateTime createdAt = null;
                String createdBy = null;
                while (rows.next()) {
                    createdAt = Sql.utc(rows, "created_at");
                    createdBy = rows.getString("created_by");
                    if (rows.getObject("product_id") != null) {
                        lines.add(new OrderLine(rows.getLong("product_id"), rows.getInt("quantity")));
                    }
                }
                return createdAt == null ? Optional.empty() : Optional.of(new Order(id, lines, createdAt, createdBy));
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    private static Map<Long, Integer> lockProducts(Connection connection, List<OrderLine> lines) throws SQLException {
        Long[] ids = lines.stream().map(OrderLine::productId).toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement(LOCK_PRODUCTS)) {
            lock.setArray(1, connection.createArrayOf("bigint", ids));
            Map<Long, Integer> stock = new HashMap<>();
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    stock.put(rows.getLong("id"), rows.getInt("stock_quantity"));
                }
            }
            return stock;
        }
    }

    private static void takeStock(Connection connection, List<OrderLine> lines, String caller)
            throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE_STOCK)) {
            take.setString(1, caller);
            take.setArray(2, connection.createArrayOf("integer",
                    lines.stream().map(line -> Math.toIntExact(line.productId())).toArray(Integer[]::new)));
            take.setArray(3, connection.createArrayOf("integer",
                    lines.stream().map(OrderLine::quantity).toArray(Integer[]::new)));
            take.execute();
        }
    }

    private static Order insertOrder(Connection connection, List<OrderLine> lines, String caller)
            throws SQLException {
        long id;
        OffsetDateTime createdAt;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setString(1, caller);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong("id");
                createdAt = Sql.utc(row, "created_at");
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINE)) {
            for (OrderLine line : lines) {
                insert.setLong(1, id);
                insert.setLong(2, line.productId());
                insert.setInt(3, line.quantity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new Order(id, lines, createdAt, caller);
    }
}
