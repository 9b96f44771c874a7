package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** A write that must be conditional came without If-Match and without a body version. */
@ApplicationException(rollback = true)
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("send If-Match with the ETag you read (or *), or the version you read in the body");
    }
}
