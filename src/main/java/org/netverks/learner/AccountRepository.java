package org.netverks.learner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the platform database; e-mail addresses are unique whatever their case. */
@Repository
class AccountRepository {

    private static final RowMapper<Account> ACCOUNT = (row, n) -> new Account(
            row.getObject("id", UUID.class),
            row.getString("email"),
            row.getString("display_name"),
            row.getBoolean("moderator"),
            row.getBoolean("blocked"),
            row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("email_verified_at") != null);

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the account of a confirmed address (accounts are made when a sign-up's link is used);
     * empty when the address already has one.
     */
    Optional<Account> createConfirmed(String email, String displayName, String passwordHash, boolean moderator) {
        return jdbc.sql(
                        """
                insert into learner_account (id, email, display_name, password_hash, moderator, email_verified_at)
                values (:id, :email, :name, :hash, :moderator, now())
                on conflict do nothing
                returning *""")
                .param("id", UUID.randomUUID())
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("moderator", moderator)
                .query(ACCOUNT)
                .optional();
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("select * from learner_account where lower(email) = lower(:email)")
                .param("email", email)
                .query(ACCOUNT)
                .optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("select * from learner_account where id = :id")
                .param("id", id)
                .query(ACCOUNT)
                .optional();
    }

    Optional<String> passwordHash(String email) {
        return jdbc.sql("select password_hash from learner_account where lower(email) = lower(:email)")
                .param("email", email)
                .query(String.class)
                .optional();
    }

    void setPassword(UUID id, String passwordHash) {
        jdbc.sql("update learner_account set password_hash = :hash, password_changed_at = now() where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from learner_account where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Moderators are exactly the confirmed addresses that are configured or granted (moderator_grant). */
    void setModerators(List<String> emails) {
        jdbc.sql(
                        """
                update learner_account
                set moderator = (email_verified_at is not null
                                 and (lower(email) = any(:emails) or lower(email) in (select email from moderator_grant)))
                where moderator <> (email_verified_at is not null
                                    and (lower(email) = any(:emails) or lower(email) in (select email from moderator_grant)))""")
                .param("emails", emails.stream().map(String::toLowerCase).toArray(String[]::new))
                .update();
    }

    /** The address is confirmed now (if it was not); a configured moderator address gets its rights. */
    void markVerified(UUID id, boolean moderator) {
        jdbc.sql(
                        """
                update learner_account set email_verified_at = coalesce(email_verified_at, now()),
                                           moderator = moderator or :moderator
                where id = :id""")
                .param("id", id)
                .param("moderator", moderator)
                .update();
    }

    /** Ends every session of the account (after a password change or reset, or its deletion). */
    void endSessions(String email, String keepSessionId) {
        jdbc.sql("delete from spring_session where lower(principal_name) = lower(:email) "
                        + "and session_id is distinct from :keep")
                .param("email", email)
                .param("keep", keepSessionId)
                .update();
    }
}
