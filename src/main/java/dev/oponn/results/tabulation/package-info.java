/**
 * Tabulation: the counting engines of the ranked, score and approval methods, as pure functions of the weighted
 * ballots (one count per distinct ballot content, as they are stored). No Spring beans, no I/O, no clocks: the
 * results module calls them and renders what they return.
 *
 * <p>Instant runoff ({@link dev.oponn.results.tabulation.InstantRunoff}) is checked round by round against RCTab's
 * own test cases ({@code InstantRunoffConformanceTests}); Schulze
 * ({@link dev.oponn.results.tabulation.Schulze}) uses margins; {@link dev.oponn.results.tabulation.StarVoting}
 * scores with a runoff between the two highest totals.
 */
@NullMarked
package dev.oponn.results.tabulation;

import org.jspecify.annotations.NullMarked;
