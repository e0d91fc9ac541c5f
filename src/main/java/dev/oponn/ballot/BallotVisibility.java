package dev.oponn.ballot;

import dev.oponn.platform.LogFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Changes who may see a ballot's counts. Ownership is the caller's to check. The change is committed, this
 * instance's catalog refreshed, and {@link BallotChanged} ({@code VISIBILITY}) published, in that order: a listener that
 * re-renders finds the new setting wherever it reads it.
 */
@Service
class BallotVisibility {

    private static final Logger log = LoggerFactory.getLogger(BallotVisibility.class);

    private final BallotRepository repository;
    private final BallotCatalog catalog;
    private final ApplicationEventPublisher events;
    private final LogFingerprints fingerprints;

    BallotVisibility(
            BallotRepository repository,
            BallotCatalog catalog,
            ApplicationEventPublisher events,
            LogFingerprints fingerprints) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
        this.fingerprints = fingerprints;
    }

    void change(Ballot ballot, ResultsVisibility visibility) {
        if (!repository.updateVisibility(ballot.id(), visibility)) {
            return;
        }
        catalog.refresh(ballot.id());
        log.atInfo()
                .setMessage("ballot.visibility_changed")
                .addKeyValue("ballot", fingerprints.ballot(ballot.id().value()))
                .addKeyValue("from", ballot.resultsVisibility().value())
                .addKeyValue("to", visibility.value())
                .log();
        events.publishEvent(new BallotChanged(ballot.id(), BallotChanged.Kind.VISIBILITY));
    }
}
