package dev.oponn.ballot;

import java.util.Optional;

/**
 * Where people meet a ballot: the page its creator is sent to after creating it, and where a guest creator is
 * shown the manage link once. That page belongs to the vote feature, which provides this bean; the ballot feature
 * asks here instead of knowing the vote feature's URLs.
 */
public interface BallotPage {

    /** The page's path, such as {@code /vote/{id}}: the creator's redirect and the manage-link cookie's scope. */
    String pathOf(BallotId ballot);

    /** The ballot whose page {@code requestPath} is, if it is one. */
    Optional<BallotId> ballotAt(String requestPath);
}
