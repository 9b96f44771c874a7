package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** No row has the identifier the client named. */
@ApplicationException(rollback = true)
public class EntityNotFoundException extends RuntimeException {

    public EntityNotFoundException(String entity, Object id) {
        super("no " + entity + " has id " + id);
    }
}
