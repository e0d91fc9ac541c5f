package dev.oponn.ballot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class BallotService {

    private static final Logger log = LoggerFactory.getLogger(BallotService.class);

    private final BallotRepository repository;
    private final BallotCatalog catalog;
    private final OptionLabels labels;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter created;

    BallotService(
            BallotRepository repository,
            BallotCatalog catalog,
            OptionLabels labels,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.catalog = catalog;
        this.labels = labels;
        this.transactions = transactions;
        this.clock = clock;
        this.created = Counter.builder("oponn.ballot.creations")
                .description("Ballots created")
                .register(meters);
    }

    public Ballot create(BallotDraft draft) {
        BallotId id = BallotId.random(random);
        List<BallotOption> options = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (String label : draft.options()) {
            options.add(new BallotOption(options.size() + 1, label, false));
            keys.add(labels.key(id, label));
        }
        Ballot ballot = new Ballot(
                id,
                draft.measure(),
                options,
                draft.allowWriteIn(),
                VotingMethod.SINGLE,
                ResultsVisibility.LIVE,
                draft.startsAt(),
                draft.endsAt(),
                Instant.now(clock));
        transactions.executeWithoutResult(tx -> repository.insert(ballot, keys));
        catalog.put(ballot);
        created.increment();
        log.atInfo()
                .setMessage("ballot.created")
                .addKeyValue("ballot_id", id)
                .addKeyValue("options", options.size())
                .addKeyValue("write_ins", draft.allowWriteIn())
                .addKeyValue("scheduled", draft.startsAt().isAfter(ballot.createdAt()))
                .log();
        return ballot;
    }
}
