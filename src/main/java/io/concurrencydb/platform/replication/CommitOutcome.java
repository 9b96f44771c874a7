package io.concurrencydb.platform.replication;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether a write of this request committed without the confirmation it needed. A container transaction
 * commits after the service method has returned, so the service cannot throw; it records it here and
 * UnconfirmedCommitFilter turns the response into a 503.
 */
@RequestScoped
public class CommitOutcome {

    private volatile String unconfirmed;

    void unconfirmed(String why) {
        unconfirmed = why;
    }

    /** Why a write of this request is not confirmed, or null when every write is. */
    String unconfirmed() {
        return unconfirmed;
    }
}
