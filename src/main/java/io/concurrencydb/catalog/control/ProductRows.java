package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.platform.data.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a row selected with {@link #COLUMNS} to a {@link Product}. */
public final class ProductRows {

    public static final String COLUMNS = "id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by";

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
                Sql.utc(row, "created_at"),
                Sql.utc(row, "updated_at"),
                row.getString("created_by"),
                row.getString("updated_by"));
    }
}
