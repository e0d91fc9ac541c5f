package dev.oponn.vote;

import dev.oponn.ballot.Ballot;
import dev.oponn.platform.ServerSecret;
import dev.oponn.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The key under which a ballot with a per-address cap counts a client network's votes: HMAC(secret, ballot,
 * network), the network resolved as the rate limiter resolves it (trusted proxies only, IPv6 by /64). It stores no
 * address and differs per ballot, so networks cannot be followed from ballot to ballot, and it sits in a table of
 * its own with no link to a voter row or a choice.
 */
@Component
class AddressKeys {

    private final ServerSecret secret;
    private final ClientAddresses clients;

    AddressKeys(ServerSecret secret, ClientAddresses clients) {
        this.secret = secret;
        this.clients = clients;
    }

    /** The key, or absent when the ballot has no cap: ballots without one pay nothing for the feature. */
    byte @Nullable [] of(Ballot ballot, HttpServletRequest request) {
        if (!ballot.defences().capped()) {
            return null;
        }
        return secret.mac("address", ballot.id().value(), clients.limitKey(request));
    }
}
