package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V5 on accounts made before addresses were confirmed, in a scratch database of the platform
 * cluster: everyone keeps posting, but moderators (who became moderators by signing up alone) are
 * unconfirmed, lose the rights and are logged out until they confirm.
 */
@IntegrationTest
class EmailVerificationMigrationTest {

    @Autowired
    DataSource platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void existingAccountsCountAsConfirmedExceptModeratorsWhoLoseTheirRightsAndSessions() throws Exception {
        try (ScratchMigration scratch = ScratchMigration.at("4", platform, jdbc)) {
            JdbcClient old = scratch.jdbc();
            old.sql(
                            """
                    insert into learner_account (id, email, display_name, password_hash, moderator) values
                        (gen_random_uuid(), 'learner@example.org', 'Learner', 'x', false),
                        (gen_random_uuid(), 'Moderator@example.org', 'Mod', 'x', true)""")
                    .update();
            old.sql(
                            """
                    insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                                                max_inactive_interval, expiry_time, principal_name) values
                        ('p1', 's1', 0, 0, 1209600, 9999999999999, 'learner@example.org'),
                        ('p2', 's2', 0, 0, 1209600, 9999999999999, 'moderator@example.org')""")
                    .update();

            scratch.migrateToLatest();

            assertThat(old.sql(
                                    "select email, email_verified_at is not null, moderator from learner_account order by email")
                            .query((row, n) -> row.getString(1) + " confirmed=" + row.getBoolean(2) + " moderator="
                                    + row.getBoolean(3))
                            .list())
                    .containsExactly(
                            "Moderator@example.org confirmed=false moderator=false",
                            "learner@example.org confirmed=true moderator=false");
            assertThat(old.sql("select principal_name from spring_session")
                            .query(String.class)
                            .list())
                    .as("the moderator's session, which carried the rights, is gone")
                    .containsExactly("learner@example.org");
        }
    }
}
