package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.PreconditionFailedException;
import io.concurrencydb.catalog.entity.PreconditionRequiredException;
import io.concurrencydb.catalog.entity.VersionConflictException;
import io.concurrencydb.platform.metrics.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The catalogue's outcomes operators watch: writes refused for a stale version (409), conditional writes refused
 * (412, 428), and creates answered by replaying an Idempotency-Key's first answer. The refusals are counted
 * as they are answered (FailureMapper fires each).
 */
@ApplicationScoped
public class CatalogCounters {

    private static final String PRECONDITIONS = "precondition_failures";
    private static final String PRECONDITIONS_HELP =
            "Conditional writes refused: If-Match failed (412) or was missing (428)";

    @Inject
    ServiceMetrics metrics;

    public void replayed() {
        metrics.count("idempotent_replays", "Creates answered by replaying an Idempotency-Key's first answer");
    }

    void conflict(@Observes VersionConflictException failure) {
        metrics.count("version_conflicts", "Writes refused because they named a stale version (409)");
    }

    void failed(@Observes PreconditionFailedException failure) {
        metrics.count(PRECONDITIONS, PRECONDITIONS_HELP, "status", "412");
    }

    void missing(@Observes PreconditionRequiredException failure) {
        metrics.count(PRECONDITIONS, PRECONDITIONS_HELP, "status", "428");
    }
}
