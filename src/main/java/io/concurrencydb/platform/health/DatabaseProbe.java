package io.concurrencydb.platform.health;

import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs a real query through the same DataSource and transaction handling as the services. An EJB, because
 * some servers run health checks on threads where the web module's java:comp/env is not reachable.
 */
@Stateless
public class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    /** True when the database answers a query within two seconds. */
    public boolean answers() {
        return version().isPresent();
    }

    /** The database server's version, when it answers a query on the products table within two seconds. */
    public Optional<String> version() {
        try (Connection connection = Sql.connect(dataSource);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery(
                    "SELECT current_setting('server_version'), EXISTS (SELECT 1 FROM products)")) {
                row.next();
                return Optional.of(row.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
