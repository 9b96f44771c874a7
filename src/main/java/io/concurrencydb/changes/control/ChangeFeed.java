package io.concurrencydb.changes.control;

import io.concurrencydb.catalog.control.ProductRows;
import io.concurrencydb.changes.entity.EventPage;
import io.concurrencydb.changes.entity.PositionPrunedException;
import io.concurrencydb.changes.entity.ProductEvent;
import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the change feed by position: only events the {@link FeedSequencer} has numbered, which a reader sees
 * as 1..n without gaps, so reading on from the last position seen never misses one. Each read is one statement
 * outside a transaction; the position pruned so far is read by the same statement, so a page and its 410 check
 * cannot disagree.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ChangeFeed {

    private static final String PAGE = """
            SELECT pruned.position AS pruned, event.*
            FROM product_events_pruned AS pruned
            LEFT JOIN LATERAL (
                SELECT position, kind, caller, occurred_at,
                       product_id AS id, name, description, price, stock_quantity, version,
                       created_at, updated_at, created_by, updated_by
                FROM product_events
                WHERE position > ?
                ORDER BY position
                LIMIT ?) AS event ON true
            ORDER BY event.position""";

    private static final String HEAD = """
            SELECT coalesce(max(position), (SELECT position FROM product_events_pruned)) FROM product_events""";

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Up to {@code limit} events after position {@code after}; from 0, the oldest retained. A position before
     * what was pruned is a {@link PositionPrunedException}.
     */
    public EventPage after(long after, int limit) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement select = connection.prepareStatement(PAGE)) {
            select.setLong(1, after);
            select.setInt(2, limit);
            List<ProductEvent> events = new ArrayList<>();
            long pruned = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pruned = rows.getLong("pruned");
                    if (rows.getObject("position") != null) {
                        events.add(event(rows));
                    }
                }
            }
            if (after > 0 && after < pruned) {
                throw new PositionPrunedException(after, pruned);
            }
            return new EventPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /** The last position given so far: a stream starting there sees what happens from now on. */
    public long head() {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement select = connection.prepareStatement(HEAD);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    private static ProductEvent event(ResultSet row) throws SQLException {
        return new ProductEvent(row.getLong("position"), row.getLong("id"), row.getString("kind"),
                row.getLong("version"), row.getString("caller"), Sql.utc(row, "occurred_at"),
                row.getString("name") == null ? null : ProductRows.map(row));
    }
}
