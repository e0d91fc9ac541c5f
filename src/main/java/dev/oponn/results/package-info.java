/**
 * Results: the tally of a ballot, read from the counter shards (never a re-count of votes), and the results
 * page. The live stream renders the same {@link dev.oponn.results.Results} through the same fragment.
 *
 * <p>Who may see the counts is decided here once, by {@link dev.oponn.results.ResultsAccess}, for every route that
 * could show one (this page, the exports {@code /results/{id}/export.csv} and {@code .json}, the presenter view,
 * the live stream); a requester from whom they are hidden gets {@link dev.oponn.results.HiddenResults} instead.
 *
 * <p>No tables of its own: the counts come from {@link dev.oponn.vote.Tallies}. Public surface:
 * {@link dev.oponn.results.ResultsService}, {@link dev.oponn.results.Results}, {@link dev.oponn.results.HiddenResults}
 * and {@link dev.oponn.results.ResultsAccess} (for live and share), {@link dev.oponn.results.ResultsDocument} (a tally
 * as JSON, for the API and the live stream's JSON form) and {@link dev.oponn.results.ResultsExport} (for the API). It provides the ballot feature's
 * {@link dev.oponn.ballot.OwnerResults}: the manage page's counts.
 */
@NullMarked
package dev.oponn.results;

import org.jspecify.annotations.NullMarked;
