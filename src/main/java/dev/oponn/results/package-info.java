/**
 * Results: the tally of a ballot, read from the counter shards (never a re-count of votes), and the results
 * page. The live stream renders the same {@link dev.oponn.results.Results} through the same fragment.
 *
 * <p>No tables of its own: the counts come from {@link dev.oponn.vote.Tallies}. Public surface:
 * {@link dev.oponn.results.ResultsService} and {@link dev.oponn.results.Results} (for live).
 */
@NullMarked
package dev.oponn.results;

import org.jspecify.annotations.NullMarked;
