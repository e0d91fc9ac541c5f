/**
 * Results: the tally of a ballot, read from the counter shards (never a re-count of votes), and the results
 * page. The live stream renders the same {@link dev.oponn.results.Results} through the same fragment.
 */
@NullMarked
package dev.oponn.results;

import org.jspecify.annotations.NullMarked;
