package org.netverks.learner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a one-time link that expires after {@link #VALID_FOR}, sent by
 * {@link AccountMail}. Only a hash of the token is stored, so a copy of the database opens no
 * account. Using the link proves the learner reads the address's mail, so it also confirms it.
 */
@Service
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final int PER_HOUR = 3;
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AccountMail mail;
    private final Moderators moderators;

    PasswordResets(
            JdbcClient jdbc,
            AccountRepository accounts,
            PasswordEncoder encoder,
            AccountMail mail,
            Moderators moderators) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.mail = mail;
        this.moderators = moderators;
    }

    /** Sends a link if the address has an account (and has not asked too often); says nothing either way. */
    void request(String email) {
        Optional<Account> account = accounts.byEmail(email.strip());
        if (account.isEmpty()) {
            return;
        }
        int recent = jdbc.sql("select count(*) from password_reset where account_id = :id "
                        + "and created_at > now() - interval '1 hour'")
                .param("id", account.get().id())
                .query(Integer.class)
                .single();
        if (recent >= PER_HOUR) {
            log.info("Password reset not sent: {} were asked for in the last hour", recent);
            return;
        }
        String token = newToken();
        jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (:hash, :id, :expires)")
                .param("hash", hash(token))
                .param("id", account.get().id())
                .param("expires", Timestamp.from(Instant.now().plus(VALID_FOR)))
                .update();
        send(account.get(), mail.link("/reset/" + token));
    }

    private void send(Account account, String link) {
        mail.send(
                account.email(),
                "Reset your Learn Netverks password",
                "Hello " + account.displayName()
                        + ",\n\nsomeone (we hope you) asked to reset the password of your Learn Netverks account. Choose a "
                        + "new one here within " + VALID_FOR.toMinutes() + " minutes:\n\n" + link
                        + "\n\nThe link works "
                        + "once. If you did not ask for it, ignore this message: your password stays as it is.\n",
                "the password reset link for " + account.email() + " is " + link + " (it works once, for "
                        + VALID_FOR.toMinutes() + " minutes)");
    }

    enum TokenState {
        VALID,
        EXPIRED,
        USED,
        UNKNOWN
    }

    TokenState state(String token) {
        return jdbc.sql("select case when used_at is not null then 'USED' when expires_at <= now() then 'EXPIRED' "
                        + "else 'VALID' end from password_reset where token_hash = :hash")
                .param("hash", hash(token))
                .query(String.class)
                .optional()
                .map(TokenState::valueOf)
                .orElse(TokenState.UNKNOWN);
    }

    /** Uses the token to set the password; the account it opened, if the token was still good. */
    @Transactional
    Optional<Account> reset(String token, String password) {
        Optional<UUID> accountId = jdbc.sql(
                        """
                update password_reset set used_at = now()
                where token_hash = :hash and used_at is null and expires_at > now()
                returning account_id""")
                .param("hash", hash(token))
                .query(UUID.class)
                .optional();
        accountId.ifPresent(id -> {
            accounts.setPassword(id, encoder.encode(password));
            accounts.byId(id).ifPresent(account -> {
                accounts.endSessions(account.email(), null);
                accounts.markVerified(id, moderators.includes(account.email()));
            });
        });
        return accountId.flatMap(accounts::byId);
    }

    /** 32 random bytes, URL-safe: the part of a link that opens something. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this is stored, so a copy of the database holds no usable link. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
