package io.concurrencydb.platform.idempotency;

import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Deletes idempotency keys past their 24 hours, hourly; until then a claim simply reclaims them. */
@Singleton
public class IdempotencyKeyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class.getName());

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void deleteExpired() {
        try (Connection connection = Sql.connect(dataSource); Statement delete = connection.createStatement()) {
            int deleted = delete.executeUpdate("DELETE FROM idempotency_keys WHERE created_at < now() - interval '"
                    + IdempotencyStore.LIFETIME + "'");
            LOG.log(Level.FINE, "deleted {0} expired idempotency keys", deleted);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete expired idempotency keys: {0}", e.toString());
        }
    }
}
