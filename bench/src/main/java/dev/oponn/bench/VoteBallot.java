package dev.oponn.bench;

import java.util.List;

/** A ballot the harness votes on, with the option ids its vote page offered. */
record VoteBallot(String id, List<Integer> options) {}
