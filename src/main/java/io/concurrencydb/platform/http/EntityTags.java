package io.concurrencydb.platform.http;

import io.concurrencydb.platform.problem.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags are the row version, quoted: {@code "7"}. Parses the lists of If-Match and If-None-Match
 * (RFC 9110 section 8.8.3 and 13.1).
 */
public final class EntityTags {

    // far more than any honest list of versions; parsing stays cheap
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*(,|$)");

    private EntityTags() {
    }

    /** The version's tag as its header value, {@code "7"}. */
    public static String header(long version) {
        return "\"" + version + "\"";
    }

    /** The header's tags as versions, or null for "*". Tags that are not one of ours can never match. */
    public static Set<Long> versions(String header, String name, boolean weakMatches) {
        String value = header.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(name, "must not be empty");
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new InvalidInputException(name, "must be at most " + MAX_HEADER_LENGTH + " characters");
        }
        if (value.equals("*")) {
            return null;
        }
        Set<Long> versions = new LinkedHashSet<>();
        Matcher tag = TAG.matcher(value);
        int at = 0;
        while (at < value.length()) {
            if (!tag.find(at) || tag.start() != at) {
                throw new InvalidInputException(name, "must be * or a list of quoted entity tags such as \"3\"");
            }
            String opaque = tag.group(2);
            boolean weak = tag.group(1) != null;
            if ((weakMatches || !weak) && isVersion(opaque)) {
                versions.add(Long.parseLong(opaque));
            }
            at = tag.end();
        }
        return versions;
    }

    /** True when If-None-Match names the current version (weak comparison) or is "*". */
    public static boolean noneMatchFails(String ifNoneMatch, long current) {
        if (ifNoneMatch == null) {
            return false;
        }
        Set<Long> versions = versions(ifNoneMatch, "If-None-Match", true);
        return versions == null || versions.contains(current);
    }

    private static boolean isVersion(String opaque) {
        return !opaque.isEmpty() && opaque.length() <= 18 && opaque.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
