package dev.oponn.faults;

/**
 * One vote attempt as the client saw it, Jepsen-style: invoked at {@code invokedMillis}, completed at
 * {@code completedMillis} (harness clock, since the run's start) with an outcome.
 *
 * @param status the HTTP status, or 0 when none arrived
 * @param detail what the client saw besides the status (an exception's class), for the report
 */
record Attempt(
        String instance,
        String ballot,
        String device,
        int option,
        long invokedMillis,
        long completedMillis,
        Outcome outcome,
        int status,
        String detail) {

    enum Outcome {
        /** Acknowledged: 204 with {@code HX-Redirect} to the results. Must be counted exactly once. */
        OK,
        /**
         * "You have already voted": in this load each device votes once per ballot, so the server says its one vote is
         * in. Must be counted exactly once, like {@link #OK}.
         */
        ALREADY,
        /**
         * Refused: connection refused (never reached a server), 503 (Oponn says it wrote nothing) or another 4xx.
         * Must not be counted.
         */
        FAIL,
        /** Indeterminate: a timeout, a connection cut after sending, a 500. Either way is correct. */
        UNKNOWN;

        boolean acknowledged() {
            return this == OK || this == ALREADY;
        }
    }

    /** What the report calls this attempt's answer: the status, or the exception's class. */
    String seen() {
        return status != 0 ? Integer.toString(status) + (outcome == Outcome.ALREADY ? " already" : "") : detail;
    }
}
