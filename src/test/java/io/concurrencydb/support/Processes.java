package io.concurrencydb.support;

/** Helpers for the servers and tools the tests start as processes of their own. */
final class Processes {

    private Processes() {
    }

    /** Asks {@code process} to stop (SIGTERM, so a server shuts down cleanly) and waits until it has. */
    static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
