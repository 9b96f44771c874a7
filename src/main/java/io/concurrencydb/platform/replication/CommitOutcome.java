package io.concurrencydb.platform.replication;

/**
 * Whether a write of this request committed without the confirmation it needed. A container transaction
 * commits after the service method has returned, so the service cannot throw; it records it here and
 * UnconfirmedCommitFilter turns the response into a 503.
 *
 * <p>Kept per thread, from the filter's request side to its response side: a write request's resource method, the
 * commit of its container transaction (when the EJB call returns) and its response filters all run on one thread,
 * on every server. A request-scoped bean did the same at 4 % of a create's CPU, for a value read once and nearly
 * always empty.
 */
final class CommitOutcome {

    private static final ThreadLocal<CommitOutcome> CURRENT = new ThreadLocal<>();

    private String unconfirmed;

    private CommitOutcome() {
    }

    /** A write request starts on this thread. */
    static void begin() {
        CURRENT.set(new CommitOutcome());
    }

    /** Records that a write of the current request is not confirmed; false when no write request runs here. */
    static boolean unconfirmed(String why) {
        CommitOutcome outcome = CURRENT.get();
        if (outcome == null) {
            return false;
        }
        outcome.unconfirmed = why;
        return true;
    }

    /** The request on this thread ends: why a write of it is not confirmed, or null when every write is. */
    static String end() {
        CommitOutcome outcome = CURRENT.get();
        CURRENT.remove();
        return outcome == null ? null : outcome.unconfirmed;
    }
}
