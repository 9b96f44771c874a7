package io.concurrencydb.changes.boundary;

import io.concurrencydb.changes.entity.PositionPrunedException;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PositionPrunedMapper extends ProblemMapper<PositionPrunedException> {

    @Override
    protected Problem problem(PositionPrunedException failure) {
        return Problem.of(Status.GONE, "events-pruned", "Events pruned", failure.getMessage())
                .with("oldest_position", failure.oldest());
    }
}
