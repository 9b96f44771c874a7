package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.ProductFilter;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.catalog.entity.ProductSort;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The list statement for a query: its filters, the keyset condition after a cursor, and the sort, composed so
 * that an index on (sort column, id) or the name's trigram index serves it, and the page and the total are read
 * in one statement, from one snapshot. It reads one row more than the page, to know whether another follows.
 */
final class ProductListing {

    // Kept in the same transaction as every insert and delete (init.sql's triggers), spread over 16 rows that
    // writers take with SKIP LOCKED, so that none waits for another; their sum is the exact count in any snapshot.
    private static final String TOTAL = "(SELECT sum(n) FROM product_counts)";

    final String sql;
    private final List<Object> parameters = new ArrayList<>();

    ProductListing(ProductQuery query) {
        ProductSort sort = query.sort();
        String column = sort.key().column();
        String direction = sort.direction();
        List<String> conditions = new ArrayList<>();
        ProductFilter filter = query.filter();
        if (filter.name() != null) {
            conditions.add("name ILIKE ? ESCAPE '\\'");
            parameters.add("%" + filter.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.minPrice() != null) {
            conditions.add("price >= ?");
            parameters.add(filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            conditions.add("price <= ?");
            parameters.add(filter.maxPrice());
        }
        if (filter.inStock() != null) {
            conditions.add(filter.inStock() ? "stock_quantity > 0" : "stock_quantity = 0");
        }
        if (query.after() != null) {
            String comparison = sort.descending() ? "<" : ">";
            if (sort.key() == ProductSort.Key.ID) {
                conditions.add("id " + comparison + " ?");
            } else {
                conditions.add("(" + column + ", id) " + comparison + " (?, ?)");
                parameters.add(query.after().value());
            }
            parameters.add(query.after().id());
        }
        parameters.add(query.limit() + 1);
        parameters.add(query.offset());
        String order = column + " " + direction + ", id " + direction;
        String total = query.withTotal() && filter.none() ? TOTAL : "NULL::bigint";
        sql = """
                SELECT %s AS total, page.*
                FROM (SELECT 1) AS one
                LEFT JOIN (SELECT %s FROM products %s ORDER BY %s LIMIT ? OFFSET ?) AS page ON true
                ORDER BY %s""".formatted(total, ProductRows.COLUMNS,
                conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), order,
                "page." + column + " " + direction + ", page.id " + direction);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(i + 1, decimal);
            } else if (value instanceof OffsetDateTime time) {
                statement.setObject(i + 1, time);
            } else {
                statement.setLong(i + 1, ((Number) value).longValue());
            }
        }
    }
}
