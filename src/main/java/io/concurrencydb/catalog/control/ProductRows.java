package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.problem.EntityNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The one place a product row is read by id, and mapped from {@link #COLUMNS} to a {@link Product}. */
public final class ProductRows {

    public static final String COLUMNS = "id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM products WHERE id = ?";
    private static final String SELECT_FOR_UPDATE = SELECT + " FOR UPDATE";

    private ProductRows() {
    }

    /** The product {@code id}, if there is one; {@code forUpdate} locks its row until the transaction ends. */
    public static Optional<Product> select(Connection connection, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(forUpdate ? SELECT_FOR_UPDATE : SELECT)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        }
    }

    /** As {@link #select}, a missing product being the client's 404. */
    public static Product find(Connection connection, long id, boolean forUpdate) throws SQLException {
        return select(connection, id, forUpdate).orElseThrow(() -> new EntityNotFoundException("product", id));
    }

    public static Product map(ResultSet row) throws SQLException {
        return new Product(
                row.getLong("id"),
                row.getString("name"),
                row.getString("description"),
                row.getBigDecimal("price"),
                row.getInt("stock_quantity"),
                row.getLong("version"),
                Sql.utc(row, "created_at"),
                Sql.utc(row, "updated_at"),
                row.getString("created_by"),
                row.getString("updated_by"));
    }
}
