package org.netverks.learner;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links that confirm an e-mail address: one-time, valid for {@link #VALID_FOR}, only a hash stored,
 * sent by {@link AccountMail}. A sign-up waits here (name, password hash, where to go after) until
 * its link is used; a sign-up with an address that has an account gets a message saying so instead.
 * At most {@link #MAILS_PER_HOUR} messages an hour go to one address, whatever asked for them.
 */
@Component
class EmailVerifications {

    static final Duration VALID_FOR = Duration.ofHours(24);
    static final int MAILS_PER_HOUR = 3;
    private static final Logger log = LoggerFactory.getLogger(EmailVerifications.class);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountMail mail;

    EmailVerifications(JdbcClient jdbc, AccountRepository accounts, AccountMail mail) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
    }

    /**
     * A sign-up: a confirmation link to a new address, or to an address that has an account a note
     * saying so. Nothing the caller sees differs between the two.
     */
    void signUp(String email, String displayName, String passwordHash, String continueTo) {
        forgetOld();
        if (waitBeforeNextMail(email).isPresent()) {
            log.info("Sign-up message not sent: {} were sent to that address in the last hour", MAILS_PER_HOUR);
            return;
        }
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent()) {
            alreadyHasAnAccount(existing.get());
            return;
        }
        String token = PasswordResets.newToken();
        jdbc.sql(
                        """
                insert into email_verification (token_hash, email, display_name, password_hash, continue_to, expires_at)
                values (:hash, :email, :name, :password, :continue, :expires)""")
                .param("hash", PasswordResets.hash(token))
                .param("email", email)
                .param("name", displayName)
                .param("password", passwordHash)
                .param("continue", continueTo)
                .param("expires", Timestamp.from(Instant.now().plus(VALID_FOR)))
                .update();
        sendLink(email, displayName, token, "to finish signing up to Learn Netverks");
    }

    /** A new link for a signed-in learner's unconfirmed address; if one cannot be sent yet, how long to wait. */
    Optional<Duration> resend(Account account) {
        Optional<Duration> wait = waitBeforeNextMail(account.email());
        if (wait.isPresent()) {
            return wait;
        }
        String token = PasswordResets.newToken();
        jdbc.sql(
                        """
                insert into email_verification (token_hash, email, account_id, expires_at)
                values (:hash, :email, :account, :expires)""")
                .param("hash", PasswordResets.hash(token))
                .param("email", account.email())
                .param("account", account.id())
                .param("expires", Timestamp.from(Instant.now().plus(VALID_FOR)))
                .update();
        sendLink(
                account.email(), account.displayName(), token, "to confirm the address of your Learn Netverks account");
        return Optional.empty();
    }

    private void sendLink(String email, String name, String token, String why) {
        recordMail(email);
        String link = mail.link("/confirm/" + token);
        mail.send(
                email,
                "Confirm your e-mail address for Learn Netverks",
                "Hello " + name + ",\n\n" + why
                        + ", confirm that this address is yours within " + VALID_FOR.toHours() + " hours:\n\n" + link
                        + "\n\nThe link works once. If you did not ask for it, ignore this message and do not use the link: "
                        + "whoever asked chose the account's password.\n",
                "the e-mail confirmation link for " + email + " is " + link + " (it works once, for "
                        + VALID_FOR.toHours() + " hours)");
    }

    private void alreadyHasAnAccount(Account account) {
        recordMail(account.email());
        String logIn = mail.link("/login");
        String reset = mail.link("/reset");
        mail.send(
                account.email(),
                "You already have a Learn Netverks account",
                "Hello " + account.displayName()
                        + ",\n\nsomeone (we hope you) tried to sign up to Learn Netverks with this address, but you already "
                        + "have an account. Log in here:\n\n" + logIn
                        + "\n\nForgot your password? Choose a new one here:\n\n"
                        + reset + "\n\nIf it was not you, ignore this message: nothing has changed.\n",
                account.email() + " already has an account, so the sign-up message to it says so: log in at " + logIn
                        + ", or reset the password at " + reset);
    }

    enum TokenState {
        VALID,
        EXPIRED,
        USED,
        UNKNOWN
    }

    TokenState state(String token) {
        return jdbc.sql("select case when used_at is not null then 'USED' when expires_at <= now() then 'EXPIRED' "
                        + "else 'VALID' end from email_verification where token_hash = :hash")
                .param("hash", PasswordResets.hash(token))
                .query(String.class)
                .optional()
                .map(TokenState::valueOf)
                .orElse(TokenState.UNKNOWN);
    }

    /** What a still-good link confirms: the address and the name it was asked for with. */
    record Waiting(String email, String displayName) {}

    Optional<Waiting> waiting(String token) {
        return jdbc.sql(
                        """
                select v.email, coalesce(v.display_name, a.display_name) as name
                from email_verification v left join learner_account a on a.id = v.account_id
                where v.token_hash = :hash and v.used_at is null and v.expires_at > now()""")
                .param("hash", PasswordResets.hash(token))
                .query((row, n) -> new Waiting(row.getString("email"), row.getString("name")))
                .optional();
    }

    /**
     * A used link: the address, the account it confirms (null for a sign-up, whose name and password
     * hash come with it), and where the learner was going.
     */
    record Used(String email, UUID accountId, String displayName, String passwordHash, String continueTo) {}

    /** Uses the link, if it is still good (call inside the transaction that acts on it). */
    Optional<Used> use(String token) {
        String hash = PasswordResets.hash(token);
        Optional<Used> used = jdbc.sql(
                        """
                select email, account_id, display_name, password_hash, continue_to from email_verification
                where token_hash = :hash and used_at is null and expires_at > now() for update""")
                .param("hash", hash)
                .query((row, n) -> new Used(
                        row.getString("email"),
                        row.getObject("account_id", UUID.class),
                        row.getString("display_name"),
                        row.getString("password_hash"),
                        row.getString("continue_to")))
                .optional();
        used.ifPresent(link -> jdbc.sql("update email_verification set used_at = now(), password_hash = null "
                        + "where token_hash = :hash")
                .param("hash", hash)
                .update());
        return used;
    }

    /** Empty while messages may go to the address; otherwise how long until the next one may. */
    private Optional<Duration> waitBeforeNextMail(String email) {
        return jdbc.sql(
                        """
                select ceil(extract(epoch from min(sent_at) + interval '1 hour' - now()))::bigint from signup_mail
                where email_key = :key and sent_at > now() - interval '1 hour'
                having count(*) >= :most""")
                .param("key", key(email))
                .param("most", MAILS_PER_HOUR)
                .query(Long.class)
                .optional()
                .map(seconds -> Duration.ofSeconds(Math.max(1, seconds)));
    }

    private void recordMail(String email) {
        jdbc.sql("insert into signup_mail (email_key) values (:key)")
                .param("key", key(email))
                .update();
    }

    /** Counts older than a day, and links a week past their expiry (with any password hash), go. */
    private void forgetOld() {
        jdbc.sql("delete from signup_mail where sent_at < now() - interval '1 day'")
                .update();
        jdbc.sql("delete from email_verification where expires_at < now() - interval '7 days'")
                .update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
