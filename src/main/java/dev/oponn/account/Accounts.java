package dev.oponn.account;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds or creates the account behind a provider identity. The same identity is always the same account; a new
 * identity joins an existing account only when its provider verified the email address and the account's
 * address was verified too, so nobody can claim an account by typing someone's address at a careless
 * provider.
 */
@Service
class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final int ATTEMPTS = 3;

    private final AccountRepository repository;
    private final TransactionTemplate transactions;

    Accounts(AccountRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    /**
     * Two first sign-ins of one person can race (two tabs, or two providers with one address); the loser hits a
     * unique key, and the retry finds the winner's account.
     */
    SignedInUser signIn(ProviderIdentity identity) {
        for (int attempt = 1; ; attempt++) {
            try {
                SignedInUser user = transactions.execute(tx -> findOrCreate(identity));
                if (user == null) {
                    throw new IllegalStateException("sign-in transaction returned nothing");
                }
                return user;
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private SignedInUser findOrCreate(ProviderIdentity identity) {
        Optional<SignedInUser> known = repository.findByIdentity(identity.provider(), identity.subject());
        if (known.isPresent()) {
            repository.touch(known.get().id(), identity);
            log(known.get().id(), identity, "returning");
            return known.get();
        }
        Optional<AccountId> byEmail = identity.emailVerified() && identity.email() != null
                ? repository.findByVerifiedEmail(identity.email())
                : Optional.empty();
        if (byEmail.isPresent()) {
            repository.insertIdentity(byEmail.get(), identity);
            repository.touch(byEmail.get(), identity);
            log(byEmail.get(), identity, "linked");
            return new SignedInUser(byEmail.get(), repository.name(byEmail.get()), identity.provider());
        }
        AccountId created = repository.insertAccount(identity);
        repository.insertIdentity(created, identity);
        log(created, identity, "created");
        return new SignedInUser(created, identity.name(), identity.provider());
    }

    private static void log(AccountId account, ProviderIdentity identity, String how) {
        log.atInfo()
                .setMessage("account.signed_in")
                .addKeyValue("account_id", account)
                .addKeyValue("provider", identity.provider())
                .addKeyValue("account", how)
                .log();
    }
}
