package dev.oponn.api;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOwners;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, from what the request presents: an owner's {@code Authorization: Bearer <manage_token>}, a voter's
 * {@code Oponn-Device}, or a signed-in session. Ownership is asked as the manage page asks it, and a caller who does
 * not own the ballot gets the same 404 as for a ballot that does not exist.
 */
@Component
class ApiCallers {

    static final String DEVICE_HEADER = "Oponn-Device";
    private static final String BEARER = "Bearer ";

    private final BallotCatalog catalog;
    private final BallotOwners owners;

    ApiCallers(BallotCatalog catalog, BallotOwners owners) {
        this.catalog = catalog;
        this.owners = owners;
    }

    /** The ballot, or 404. */
    Ballot ballot(String id) {
        return BallotId.parse(id).flatMap(catalog::find).orElseThrow(ApiException::notFound);
    }

    /** The ballot if the caller owns it, else the same 404 as for no ballot. */
    Ballot owned(String id, HttpServletRequest request) {
        return BallotId.parse(id)
                .filter(ballotId -> owns(ballotId, request))
                .flatMap(catalog::find)
                .orElseThrow(ApiException::notFound);
    }

    boolean owns(BallotId ballot, HttpServletRequest request) {
        Optional<String> token = bearer(request);
        if (token.isPresent()) {
            return owners.opens(ballot, token.get());
        }
        return owners.ownedBy(ballot, signedIn());
    }

    @Nullable
    String device(HttpServletRequest request) {
        return request.getHeader(DEVICE_HEADER);
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    /** The signed-in account behind the session, if any; {@code web.SameOriginRequests} keeps it same-site. */
    static @Nullable SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
