package org.netverks.lab.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns a sandbox, in words for an operator. A learner's sandbox belongs to the lab key kept
 * in their HTTP session (lab.LabVisitors), so it is theirs whether or not they signed in; when the
 * session holding the key is signed in, that is the account's e-mail address. Otherwise the kind
 * of owner: {@code anonymous}, {@code scratch} (a check's copy), {@code pool} or {@code check}
 * (ready copies of the two pools).
 */
final class SandboxOwners {

    /** The session attribute lab.LabVisitors keeps the lab key in. */
    private static final String LAB_KEY_ATTRIBUTE = "netverks.lab.learner";

    private final Map<String, String> emailByLabKey;

    private SandboxOwners(Map<String, String> emailByLabKey) {
        this.emailByLabKey = emailByLabKey;
    }

    /** The lab keys of signed-in sessions (Spring Session's tables) and their accounts' addresses. */
    static SandboxOwners read(JdbcClient jdbc) {
        Map<String, String> emails = new HashMap<>();
        jdbc.sql(
                        """
                select s.principal_name, a.attribute_bytes
                from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id
                where a.attribute_name = :attribute and s.principal_name is not null""")
                .param("attribute", LAB_KEY_ATTRIBUTE)
                .query(row -> {
                    String key = labKey(row.getBytes("attribute_bytes"));
                    if (key != null) {
                        emails.put(key, row.getString("principal_name"));
                    }
                });
        return new SandboxOwners(emails);
    }

    String describe(SandboxRepository.Listed sandbox) {
        String key = sandbox.ownerKey();
        if (key == null) {
            return "checks".equals(sandbox.pool()) ? "check" : "pool";
        }
        if (key.startsWith("scratch:")) {
            return "scratch";
        }
        return emailByLabKey.getOrDefault(key, "anonymous");
    }

    /**
     * The key, read as the session stored it (Java serialisation of a String); anything but a
     * String is refused before it is read, so no stored bytes can make us build other objects.
     */
    private static String labKey(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == String.class
                    ? ObjectInputFilter.Status.UNDECIDED
                    : ObjectInputFilter.Status.REJECTED);
            return in.readObject() instanceof String key ? key : null;
        } catch (IOException | ClassNotFoundException e) {
            return null; // not a key we can read: the owner shows as anonymous
        }
    }
}
