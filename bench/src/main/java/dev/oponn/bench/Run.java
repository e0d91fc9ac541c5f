package dev.oponn.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the phases of one run share: options, console, the report being filled, the database, the ledger of votes,
 * and a counter that gives every new connection the next loopback source address.
 */
record Run(
        Options options,
        Progress progress,
        Report report,
        BenchDatabase database,
        VoteLedger ledger,
        AtomicInteger clients) {

    int nextClient() {
        return clients.getAndIncrement();
    }

    Options.Scale scale() {
        return options.scale();
    }
}
