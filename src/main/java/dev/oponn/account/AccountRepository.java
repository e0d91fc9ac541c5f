package dev.oponn.account;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their provider identities. Callers own the transaction. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignedInUser> findByIdentity(String provider, String subject) {
        return jdbc.sql("""
                        SELECT a.id, a.name FROM account_identity i JOIN account a ON a.id = i.account_id
                        WHERE i.provider = :provider AND i.subject = :subject
                        """)
                .param("provider", provider)
                .param("subject", subject)
                .query((rs, n) -> new SignedInUser(new AccountId(rs.getLong("id")), rs.getString("name"), provider))
                .optional();
    }

    Optional<AccountId> findByVerifiedEmail(String email) {
        return jdbc.sql("SELECT id FROM account WHERE lower(email) = lower(:email) AND email_verified")
                .param("email", email)
                .query((rs, n) -> new AccountId(rs.getLong("id")))
                .optional();
    }

    AccountId insertAccount(ProviderIdentity identity) {
        long id = jdbc.sql("""
                        INSERT INTO account (name, email, email_verified) VALUES (:name, :email, :verified)
                        RETURNING id
                        """)
                .param("name", identity.name())
                .param("email", identity.email())
                .param("verified", identity.emailVerified())
                .query(Long.class)
                .single();
        return new AccountId(id);
    }

    void insertIdentity(AccountId account, ProviderIdentity identity) {
        jdbc.sql("""
                        INSERT INTO account_identity (provider, subject, account_id, email, email_verified)
                        VALUES (:provider, :subject, :account, :email, :verified)
                        """)
                .param("provider", identity.provider())
                .param("subject", identity.subject())
                .param("account", account.value())
                .param("email", identity.email())
                .param("verified", identity.emailVerified())
                .update();
    }

    /** A returning identity: remember what the provider says now and when the account was last used. */
    void touch(AccountId account, ProviderIdentity identity) {
        jdbc.sql("""
                        UPDATE account_identity SET email = :email, email_verified = :verified
                        WHERE provider = :provider AND subject = :subject
                        """)
                .param("email", identity.email())
                .param("verified", identity.emailVerified())
                .param("provider", identity.provider())
                .param("subject", identity.subject())
                .update();
        jdbc.sql("UPDATE account SET last_sign_in_at = now() WHERE id = :id")
                .param("id", account.value())
                .update();
    }

    String name(AccountId account) {
        return jdbc.sql("SELECT name FROM account WHERE id = :id")
                .param("id", account.value())
                .query(String.class)
                .single();
    }
}
