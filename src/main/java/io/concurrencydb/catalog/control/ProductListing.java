package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.Cursor;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductFilter;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.catalog.entity.ProductSort;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The list statements for a query: its filters, the keyset condition after a cursor, and the sort, composed so
 * that an index on (sort column, id) or the name's trigram index serves them, and the page and the total are
 * read in one statement, from one snapshot. Each reads one row more than the page, to know whether another
 * follows. {@link #walk} is the whole answer; {@link #probe} and {@link #candidates} are the bounded first tries
 * of a filtered list (ProductSearch).
 */
final class ProductListing {

    // Kept in the same transaction as every insert and delete (init.sql's triggers), spread over 16 rows that
    // no other writer holds (an advisory lock picks one), so that none waits for another; their sum is the exact
    // count in any snapshot.
    private static final String TOTAL = "(SELECT sum(n) FROM product_counts)";

    private final ProductQuery query;
    private final String order;
    private final String pageOrder;
    private final List<String> filters = new ArrayList<>();
    private final List<Object> filterValues = new ArrayList<>();
    private final String keyset;
    private final List<Object> keysetValues = new ArrayList<>();

    ProductListing(ProductQuery query) {
        this.query = query;
        ProductSort sort = query.sort();
        String column = sort.key().column();
        order = column + " " + sort.direction() + ", id " + sort.direction();
        pageOrder = "page." + column + " " + sort.direction() + ", page.id " + sort.direction();
        ProductFilter filter = query.filter();
        if (filter.name() != null) {
            filters.add("name ILIKE ? ESCAPE '\\'");
            filterValues.add("%" + filter.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.minPrice() != null) {
            filters.add("price >= ?");
            filterValues.add(filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            filters.add("price <= ?");
            filterValues.add(filter.maxPrice());
        }
        if (filter.inStock() != null) {
            filters.add(filter.inStock() ? "stock_quantity > 0" : "stock_quantity = 0");
        }
        if (query.after() == null) {
            keyset = null;
        } else {
            String comparison = sort.descending() ? "<" : ">";
            if (sort.key() == ProductSort.Key.ID) {
                keyset = "id " + comparison + " ?";
            } else {
                keyset = "(" + column + ", id) " + comparison + " (?, ?)";
                keysetValues.add(query.after().value());
            }
            keysetValues.add(query.after().id());
        }
    }

    /** The page, walking the sort's index (or as the planner prefers) with every filter: complete at any cost. */
    Statement walk() {
        String total = query.withTotal() && query.filter().none() ? TOTAL : "NULL::bigint";
        return page(total + " AS total", "SELECT " + ProductRows.COLUMNS + " FROM products"
                + where(matching()) + " ORDER BY " + order, matchingValues(), 0, false);
    }

    /**
     * The page among the first {@code rows} products in the sort's order after the cursor, a bounded walk of the
     * sort's index that stops at the page's last row: the answer when it found a whole page.
     */
    Statement probe(int rows) {
        List<Object> values = new ArrayList<>(keysetValues);
        values.add(rows);
        values.addAll(filterValues);
        return page("NULL::bigint", "SELECT * FROM (SELECT " + ProductRows.COLUMNS + " FROM products"
                + where(keyset == null ? List.of() : List.of(keyset)) + " ORDER BY " + order + " LIMIT ?) AS walked"
                + where(filters) + " ORDER BY " + order, values, rows, true);
    }

    /**
     * The page among at most {@code bound} products matching every filter after the cursor, found in no order
     * (by the name's trigram index, when the session allows nothing else) and then sorted. It is the answer when
     * fewer than {@code bound} matched.
     */
    Statement candidates(int bound) {
        List<Object> values = matchingValues();
        values.add(bound);
        Statement page = page("(SELECT count(*) FROM bounded) AS examined", "SELECT * FROM bounded ORDER BY " + order,
                values, bound, false);
        return new Statement("WITH bounded AS MATERIALIZED (SELECT " + ProductRows.COLUMNS + " FROM products"
                + where(matching()) + " LIMIT ?)\n" + page.sql(), page.values(), bound, false);
    }

    // Every filter and the keyset condition; matchingValues() gives their values, in the same order.
    private List<String> matching() {
        List<String> conditions = new ArrayList<>(filters);
        if (keyset != null) {
            conditions.add(keyset);
        }
        return conditions;
    }

    private List<Object> matchingValues() {
        List<Object> values = new ArrayList<>(filterValues);
        values.addAll(keysetValues);
        return values;
    }

    // The outer join keeps one row when the page is empty, so that its first column is read all the same.
    private Statement page(String first, String rows, List<Object> values, int bound, boolean inOrder) {
        List<Object> all = new ArrayList<>(values);
        all.add(query.limit() + 1);
        all.add(query.offset());
        return new Statement("""
                SELECT %s, page.*
                FROM (SELECT 1) AS one
                LEFT JOIN (%s LIMIT ? OFFSET ?) AS page ON true
                ORDER BY %s""".formatted(first, rows, pageOrder), all, bound, inOrder);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * Runs {@code statement}: the page, or null when a bounded statement could not decide it: a walk in the sort's
     * order that found no whole page, or a set of candidates as large as its bound.
     */
    ProductPage read(Connection connection, Statement statement) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(statement.sql())) {
            statement.bind(select);
            List<Product> products = new ArrayList<>(query.limit() + 1);
            long first = 0;
            boolean firstNull = true;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    first = rows.getLong(1);
                    firstNull = rows.wasNull();
                    if (rows.getObject("id") != null) {
                        products.add(ProductRows.map(rows));
                    }
                }
            }
            boolean whole = products.size() > query.limit();
            boolean bounded = statement.bound() > 0;
            if (bounded && (statement.inOrder() ? !whole : first >= statement.bound())) {
                return null;
            }
            Cursor next = null;
            if (whole) {
                products.remove(query.limit());
                next = Cursor.after(products.get(query.limit() - 1), query.sort());
            }
            return new ProductPage(products, bounded || firstNull ? null : first, next);
        }
    }

    /**
     * SQL and the values of its parameters, in order; a bounded statement's bound (0 for none) and whether the
     * rows it examined were in the sort's order.
     */
    record Statement(String sql, List<Object> values, int bound, boolean inOrder) {

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
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
}
