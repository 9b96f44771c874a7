package io.concurrencydb.changes.boundary;

import java.util.Locale;

/**
 * Whether a request's Accept header chooses the stream of Server-Sent Events over the JSON pages, as Jakarta REST
 * would choose between the two representations: the client's quality for each (from the most specific range
 * that matches it) decides, and on a tie the JSON pages win, the stream being the lower quality of source. So a
 * client that accepts anything gets a page, and one that names {@code text/event-stream} gets the stream.
 */
final class StreamNegotiation {

    static final String STREAM = "text/event-stream";
    private static final String JSON = "application/json";

    private StreamNegotiation() {
    }

    static boolean wantsStream(String accept) {
        if (accept == null) {
            return false;
        }
        return quality(accept, STREAM) > quality(accept, JSON);
    }

    /** The q of the most specific media range in {@code accept} that matches {@code type}, or 0. */
    static double quality(String accept, String type) {
        String main = type.substring(0, type.indexOf('/'));
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = name.equals(type) ? 2 : name.equals(main + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = qValue(parts);
            }
        }
        return q;
    }

    private static double qValue(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
