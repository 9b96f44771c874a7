package io.concurrencydb.support;

/** Reads series out of the Prometheus text format the servers' /metrics answer in. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The value of the series {@code name} carrying all of {@code tags}; 0 when it does not exist yet. */
    public static double value(String prometheus, String name, String... tags) {
        return prometheus.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    for (int i = 0; i < tags.length; i += 2) {
                        if (!line.contains(tags[i] + "=\"" + tags[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
