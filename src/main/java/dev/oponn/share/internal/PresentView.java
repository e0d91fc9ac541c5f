package dev.oponn.share.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.results.HiddenResults;
import dev.oponn.results.Results;
import org.jspecify.annotations.Nullable;

/**
 * The presenter view: one of {@code results} (the counts) and {@code hidden} (when they will show) is present.
 *
 * @param shortLink the vote link as people type it, without the scheme
 */
public record PresentView(
        Ballot ballot,
        String voteLink,
        String shortLink,
        @Nullable Results results,
        @Nullable HiddenResults hidden) {}
