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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a one-time link that expires after {@link #VALID_FOR}, sent by SMTP when
 * mail is configured, otherwise written to the server log for a self-hoster to pass on. Only a
 * hash of the token is stored, so a copy of the database opens no account.
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
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder encoder,
            ObjectProvider<JavaMailSender> mail, @Value("${netverks.mail.from}") String from,
            @Value("${netverks.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Sends a link if the address has an account (and has not asked too often); says nothing either way. */
    void request(String email) {
        Optional<Account> account = accounts.byEmail(email.strip());
        if (account.isEmpty()) {
            return;
        }
        int recent = jdbc.sql("select count(*) from password_reset where account_id = :id "
                + "and created_at > now() - interval '1 hour'").param("id", account.get().id())
                .query(Integer.class).single();
        if (recent >= PER_HOUR) {
            log.info("Password reset not sent: {} were asked for in the last hour", recent);
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (:hash, :id, :expires)")
                .param("hash", hash(token)).param("id", account.get().id())
                .param("expires", Timestamp.from(Instant.now().plus(VALID_FOR))).update();
        send(account.get(), publicUrl + "/reset/" + token);
    }

    private void send(Account account, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (spring.mail.host): the password reset link for {} is {} "
                    + "(it works once, for {} minutes)", account.email(), link, VALID_FOR.toMinutes());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(account.email());
        message.setSubject("Reset your Learn Netverks password");
        message.setText("Hello " + account.displayName() + ",\n\nsomeone (we hope you) asked to reset the password of "
                + "your Learn Netverks account. Choose a new one here within " + VALID_FOR.toMinutes() + " minutes:\n\n"
                + link + "\n\nThe link works once. If you did not ask for it, ignore this message: your password "
                + "stays as it is.\n");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Could not send the password reset e-mail to {}: {}", account.email(), e.getMessage());
        }
    }

    enum TokenState {
        VALID, EXPIRED, USED, UNKNOWN
    }

    TokenState state(String token) {
        return jdbc.sql("select case when used_at is not null then 'USED' when expires_at <= now() then 'EXPIRED' "
                + "else 'VALID' end from password_reset where token_hash = :hash").param("hash", hash(token))
                .query(String.class).optional().map(TokenState::valueOf).orElse(TokenState.UNKNOWN);
    }

    /** Uses the token to set the password; the account it opened, if the token was still good. */
    @Transactional
    Optional<Account> reset(String token, String password) {
        Optional<UUID> accountId = jdbc.sql("""
                update password_reset set used_at = now()
                where token_hash = :hash and used_at is null and expires_at > now()
                returning account_id""").param("hash", hash(token)).query(UUID.class).optional();
        accountId.ifPresent(id -> {
            accounts.setPassword(id, encoder.encode(password));
            accounts.byId(id).ifPresent(account -> accounts.endSessions(account.email(), null));
        });
        return accountId.flatMap(accounts::byId);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
