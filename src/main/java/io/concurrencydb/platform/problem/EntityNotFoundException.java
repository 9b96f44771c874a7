package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** No row has the identifier the client named. */
public class EntityNotFoundException extends ProblemException {

    public EntityNotFoundException(String entity, Object id) {
        super(Problem.of(Status.NOT_FOUND, "not-found", "Not found", "no " + entity + " has id " + id));
    }
}
