package dev.oponn.live;

import dev.oponn.ballot.ResultsVisibilityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns an owner's change of results visibility into an announcement to every instance. */
@Component
class VisibilityListener {

    private final VoteAnnouncements announcements;

    VisibilityListener(VoteAnnouncements announcements) {
        this.announcements = announcements;
    }

    @EventListener
    void on(ResultsVisibilityChanged changed) {
        announcements.visibilityChanged(changed.ballotId());
    }
}
