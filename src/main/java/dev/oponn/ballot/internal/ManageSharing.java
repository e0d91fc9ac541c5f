package dev.oponn.ballot.internal;

import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.web.Text;
import gg.jte.Content;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the manage page adds for issue 12: the live counts, the results-visibility control, the vote link to share
 * and the exports.
 *
 * @param controlPath where this page's controls post: {@code /manage/{id}} signed in, {@code /manage/{id}/{key}}
 *     for a guest (the key stays in the path, never in a log)
 * @param voteLink the absolute vote URL, as the QR code encodes it
 * @param error why the last control was refused, absent when it was not
 */
public record ManageSharing(
        String id,
        String controlPath,
        String voteLink,
        ResultsVisibility visibility,
        Content results,
        @Nullable Text error) {

    public List<ResultsVisibility> choices() {
        return List.of(ResultsVisibility.values());
    }

    public Text describe(ResultsVisibility choice) {
        return Text.of("visibility.describe." + choice.value());
    }
}
