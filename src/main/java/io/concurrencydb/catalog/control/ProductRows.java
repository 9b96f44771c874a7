package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Maps a row selected with {@link #COLUMNS} to a {@link Product}. */
public final class ProductRows {

    public static final String COLUMNS = "id, name, description, price, stock_quantity, version, created_at, updated_at";

    private ProductRows() {
    }

    public static Product map(ResultSet row) throws SQLException {
        return new Product(
                row.getLong("id"),
                row.getString("name"),
                row.getString("description"),
                row.getBigDecimal("price"),
                row.getInt("stock_quantity"),
                row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("updated_at", OffsetDateTime.class));
    }
}
