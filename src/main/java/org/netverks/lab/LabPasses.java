package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lab passes: a signed cookie that lets a learner's lab runs skip reading their HTTP session
 * ({@link LeanLabRuns}). Reading the session costs a platform-database round trip, more than a
 * small query on the sandbox; a pass is checked with one HMAC.
 *
 * <p>A pass names the learner's lab key and the stamp of their psql settings ({@link LabSettings}),
 * and is signed together with the id of the session it was issued for, so it is worth nothing
 * without that session's cookie, and nothing once the session id changes (log-in, log-out). It
 * lasts {@link #LIFETIME}: then one run goes the full way (which reads the session, keeping it
 * alive, and issues a new pass), so a session removed on the server stops the lab's shortcut
 * within a minute. The signing key is kept in the platform database, so every app instance
 * honours every instance's passes.
 */
@Component
class LabPasses {

    static final String COOKIE = "NV_LAB";
    static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<byte[]> storedKey;
    private final Clock clock;
    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Autowired
    LabPasses(JdbcClient jdbc) {
        this(() -> storedKey(jdbc), Clock.systemUTC());
    }

    LabPasses(Supplier<byte[]> storedKey, Clock clock) {
        this.storedKey = storedKey;
        this.clock = clock;
    }

    /** What a valid pass says: whose lab it is and which settings they had when it was issued. */
    record Pass(String learnerKey, String settingsStamp) {}

    /** The cookie value of a new pass for this session's learner. */
    String issue(String sessionId, String learnerKey, String settingsStamp) {
        String payload = clock.instant().getEpochSecond() + "." + settingsStamp + "." + learnerKey;
        return payload + "." + sign(sessionId, payload);
    }

    /** Hands the learner a new pass, for the lab's API only, never readable by scripts or sent from another site. */
    void give(
            HttpServletRequest request,
            HttpServletResponse response,
            String sessionId,
            String learnerKey,
            String stamp) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(COOKIE, issue(sessionId, learnerKey, stamp))
                        .path("/api/lab/")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .build()
                        .toString());
    }

    /** The pass's contents when it is ours, for this session, and not expired. */
    Optional<Pass> verify(String cookieValue, String sessionId) {
        int macAt = cookieValue.lastIndexOf('.');
        int stampAt = cookieValue.indexOf('.');
        int keyAt = stampAt < 0 ? -1 : cookieValue.indexOf('.', stampAt + 1);
        if (macAt < 0 || keyAt < 0 || keyAt >= macAt) {
            return Optional.empty();
        }
        String payload = cookieValue.substring(0, macAt);
        byte[] expected = sign(sessionId, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cookieValue.substring(macAt + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long issuedAt;
        try {
            issuedAt = Long.parseLong(cookieValue.substring(0, stampAt));
        } catch (NumberFormatException e) {
            return Optional.empty(); // signed by us, so this cannot happen; refuse rather than trust it
        }
        long age = clock.instant().getEpochSecond() - issuedAt;
        if (age < 0 || age >= LIFETIME.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(
                new Pass(cookieValue.substring(keyAt + 1, macAt), cookieValue.substring(stampAt + 1, keyAt)));
    }

    private String sign(String sessionId, String payload) {
        Mac mac = macs.get();
        mac.update(sessionId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mac is not thread-safe, and making one per pass cost more than the signing itself. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(storedKey.get(), ALGORITHM);
            key = known;
        }
        return known;
    }

    /** The installation's key: the first instance to need one stores a random one, every other reads it. */
    private static byte[] storedKey(JdbcClient jdbc) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into lab_pass_secret (id, secret) values (1, :secret) on conflict (id) do nothing")
                .param("secret", fresh)
                .update();
        return jdbc.sql("select secret from lab_pass_secret where id = 1")
                .query(byte[].class)
                .single();
    }
}
