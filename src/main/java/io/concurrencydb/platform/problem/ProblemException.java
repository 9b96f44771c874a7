package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * A failure the client is told about, carrying its problem details. Each kind is one small subclass that builds
 * its problem where it is thrown, so a kind's status, type and members are in one file; {@link FailureMapper}
 * answers all of them. As an application exception (inherited by every subclass) it reaches the caller as
 * thrown, not wrapped by the EJB container, and rolls the container transaction back.
 */
@ApplicationException(rollback = true)
public abstract class ProblemException extends RuntimeException {

    private final transient Problem problem;

    protected ProblemException(Problem problem) {
        this(problem, null);
    }

    // no stack trace: these are answers, not faults; a cause keeps its own
    protected ProblemException(Problem problem, Throwable cause) {
        super(problem.detail(), cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
