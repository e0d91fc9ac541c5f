package dev.oponn.live;

import dev.oponn.vote.VoteRecorded;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns each committed vote into an announcement. Runs on the voter's request thread, so it only hands off. */
@Component
class VoteListener {

    private final VoteAnnouncements announcements;
    private final Clock clock;

    VoteListener(VoteAnnouncements announcements, Clock clock) {
        this.announcements = announcements;
        this.clock = clock;
    }

    @EventListener
    void on(VoteRecorded vote) {
        announcements.announce(vote.ballotId(), clock.millis());
    }
}
