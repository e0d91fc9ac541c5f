package dev.oponn.ballot;

import dev.oponn.web.Localizer;
import gg.jte.Content;

/**
 * The counts the owner's manage page shows whatever the ballot's visibility. The results feature provides this
 * bean; the ballot feature asks here instead of knowing how a tally is read or drawn.
 */
public interface OwnerResults {

    /**
     * @param streamPath where the panel listens for live updates: an owner's stream, which shows counts whatever
     *     the setting
     */
    Content panel(Ballot ballot, String streamPath, Localizer localizer);
}
