package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.http.EntityTags;
import io.concurrencydb.platform.problem.InvalidInputException;
import io.concurrencydb.platform.problem.ProblemException;
import java.util.Optional;
import java.util.Set;

/**
 * What a conditional write expects of the stored version: the versions If-Match lists (any version for "*"),
 * or the version the body names. The store checks it in the same statement as the write; when it fails,
 * {@link #mismatch} gives the answer the client asked for: 412 for If-Match, the original 409 for a body
 * version.
 */
public record ExpectedVersion(Set<Long> versions, boolean fromIfMatch) {

    /** No condition: any existing version (If-Match: *, or an unconditional DELETE). */
    public static final ExpectedVersion ANY = new ExpectedVersion(null, false);

    public ExpectedVersion {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(Set.of(version), false);
    }

    /** For PUT and PATCH: If-Match or the body's version is required (428), and they must agree (400). */
    public static ExpectedVersion required(String ifMatch, Long bodyVersion) {
        return optional(ifMatch, bodyVersion).orElseThrow(PreconditionRequiredException::new);
    }

    /** For DELETE, which stays unconditional without If-Match. */
    public static Optional<ExpectedVersion> optional(String ifMatch, Long bodyVersion) {
        if (ifMatch == null) {
            return Optional.ofNullable(bodyVersion).map(v -> new ExpectedVersion(Set.of(v), false));
        }
        Set<Long> listed = EntityTags.versions(ifMatch, "If-Match", false);
        if (bodyVersion == null) {
            return Optional.of(new ExpectedVersion(listed, true));
        }
        if (listed != null && !listed.contains(bodyVersion)) {
            throw new InvalidInputException("version", "is not among the versions If-Match names; "
                    + "send one of them, or the same version in both");
        }
        // If-Match: * with a body version: the body is the more specific of the two
        return Optional.of(new ExpectedVersion(Set.of(bodyVersion), listed != null));
    }

    /** "*": any existing version will do. */
    public boolean any() {
        return versions == null;
    }

    public boolean matches(long version) {
        return any() || versions.contains(version);
    }

    /** Versions as an array for {@code version = ANY(?)}; empty for "*". */
    public Long[] asArray() {
        return any() ? new Long[0] : versions.toArray(Long[]::new);
    }

    public ProblemException mismatch(long current) {
        return fromIfMatch
                ? new PreconditionFailedException(current)
                : new VersionConflictException(versions.iterator().next(), current);
    }

    /**
     * The answer to a conditional write that found {@code current} at a version this does not allow. RFC 9110
     * section 13.1.1 lets a server answer 2xx when the change "appears to have already been applied": for If-Match
     * only, when the stored product already holds exactly what the request would write, which is what a client
     * retrying a write whose response it lost finds (rule H5); nothing is written again. Otherwise the
     * mismatch: 412 for If-Match, the original's 409 for a stale body version.
     */
    public Product alreadyApplied(Product current, ProductDraft wanted) {
        if (fromIfMatch && current.draft().equals(wanted)) {
            return current;
        }
        throw mismatch(current.version());
    }
}
