/**
 * The fault and abuse harness of issue 14: Oponn's jar as real processes around a private PostgreSQL cluster, a
 * private Redis and, for the KMS faults, the AWS KMS emulator behind a gate the harness can shut; a load client that
 * records every vote attempt ({@link dev.oponn.faults.Attempt}); live viewers; and a checker that reads the database
 * after each run. Like {@code bench/}, it speaks only Oponn's HTTP contract and reads nothing behind its back but
 * the database, to prove every acknowledged vote is there exactly once.
 */
package dev.oponn.faults;
