/**
 * The benchmark of issue 6: starts Oponn from its jar as child processes on loopback, drives it over HTTP exactly
 * as browsers would (cookies, CSRF token, htmx form posts, event streams), measures it beside the machine's own
 * ceilings (durable inserts, a bare JDK HTTP server, a bare JDK SSE server), checks afterwards that every
 * acknowledged vote is in the database exactly once and that every live viewer ends on the true tally, and
 * writes a JSON result file and a self-contained HTML report. It knows Oponn only by its HTTP contract and, for
 * the correctness check, by the two tables that hold votes. Not part of the application's build.
 */
package dev.oponn.bench;
