package dev.oponn.bench;

/** One request of a load run, over the connection the worker holds. */
@FunctionalInterface
interface Work {

    Outcome attempt(HttpConnection connection);

    /** ACK counts toward throughput and latency; EXHAUSTED ends the worker (no more devices or ballots). */
    record Outcome(Kind kind, String detail) {

        static final Outcome ACK = new Outcome(Kind.ACK, "ack");
        static final Outcome EXHAUSTED = new Outcome(Kind.EXHAUSTED, "exhausted");

        static Outcome other(String detail) {
            return new Outcome(Kind.OTHER, detail);
        }
    }

    enum Kind {
        ACK,
        OTHER,
        EXHAUSTED
    }
}
