package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.ListTooCostlyException;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Filtered lists. No single plan serves every filter at ten million products: walking the sort's index finds a
 * page at once when many products match and walks the whole catalogue when few do, and the name's trigram index
 * is the reverse (sorting every match of a common word). PostgreSQL's planner chooses between them by an
 * estimate, and for "contains" that estimate can be wrong fifteenfold (60,616 names expected to contain
 * "1931" of ten million, 4,056 found). So the search tries the cheap answers first, each bounded:
 * <ol>
 * <li>walk the sort's index for {@value #PROBE} products and filter them: the answer whenever matches are
 * common (for a page of 20, one product in fifty or more);</li>
 * <li>with a name filter, take at most {@value #CANDIDATES} matches from the trigram index (the session allowing
 * no other plan) and sort them: the answer whenever matches are rare;</li>
 * <li>otherwise the whole walk with every filter: with a name filter, along the sort's index (bitmap scans off,
 * since the trigram index gave too many); without one, as the planner prefers (the index of a price range, or of
 * the products out of stock).</li>
 * </ol>
 * Each statement runs under statement_timeout = DB_SEARCH_TIMEOUT_MS and is planned with its own values
 * (plan_cache_mode = force_custom_plan: a generic plan cannot know how selective a name is), in one transaction
 * so that these settings end with it; a list that takes longer is cancelled with a 503, so that no request holds
 * the database for seconds.
 */
@Stateless
public class ProductSearch {

    static final int PROBE = 1_000;
    static final int CANDIDATES = 10_000;

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "db.search.timeout.ms", defaultValue = "1000")
    int timeoutMs;

    public ProductPage list(ProductQuery query) {
        ProductListing listing = new ProductListing(query);
        try (Connection connection = Sql.connect(dataSource)) {
            set(connection, "statement_timeout", Integer.toString(Math.max(1, timeoutMs)),
                    "plan_cache_mode", "force_custom_plan");
            ProductPage page = listing.read(connection, listing.probe(PROBE));
            if (page == null && query.filter().name() != null) {
                set(connection, "enable_seqscan", "off", "enable_indexscan", "off");
                page = listing.read(connection, listing.candidates(CANDIDATES));
                if (page == null) {
                    set(connection, "enable_seqscan", "on", "enable_indexscan", "on", "enable_bitmapscan", "off");
                }
            }
            return page != null ? page : listing.read(connection, listing.walk());
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new ListTooCostlyException(timeoutMs);
            }
            throw Sql.failure(e);
        }
    }

    // Settings and their values, in pairs, for the rest of this transaction (set_config's is_local), in one
    // round trip.
    private static void set(Connection connection, String... settings) throws SQLException {
        String sql = "SELECT " + String.join(", ", Collections.nCopies(settings.length / 2, "set_config(?, ?, true)"));
        try (PreparedStatement set = connection.prepareStatement(sql)) {
            for (int i = 0; i < settings.length; i++) {
                set.setString(i + 1, settings[i]);
            }
            set.execute();
        }
    }
}
