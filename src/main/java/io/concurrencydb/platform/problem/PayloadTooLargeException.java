package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** The request body is larger than the service accepts. */
@ApplicationException(rollback = true)
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
    }
}
