package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class EntityNotFoundMapper extends ProblemMapper<EntityNotFoundException> {

    @Override
    protected Problem problem(EntityNotFoundException failure) {
        return Problem.of(Status.NOT_FOUND, "not-found", "Not found", failure.getMessage());
    }
}
