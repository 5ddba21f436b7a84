package org.netverks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random port, on a real (embedded) PostgreSQL whose data starts empty in each
 * run ({@link org.netverks.platform.TestData}), serving the fixture track (src/test/resources/fixture-content),
 * not the shipped lessons. Every test class with this annotation shares one running app, so the
 * suite starts it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/app",
            "netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
            "netverks.site-name=Learn Netverks",
            // small enough to test quickly: the quota test writes past 40 MB
            "netverks.lab.sandbox-quota=40MB",
            "netverks.lab.warm-pool-size=1",
            // enough for CheckPoolTest; fewer copies to make while the suite runs
            "netverks.lab.check-pool-size=2",
            "netverks.lab.statement-timeout=2s",
            "netverks.lab.run-timeout=4s",
            // every test learner comes from 127.0.0.1; CreationRateLimiterTest covers the limit itself
            "netverks.lab.creations-per-client-per-hour=10000",
            "netverks.moderators=moderator@example.org",
            // as behind a proxy: X-Forwarded-For from loopback is believed, so tests can be other clients
            "server.forward-headers-strategy=native"
        })
public @interface IntegrationTest {

    /**
     * The test content: a track "fixture" with a few lessons copied from the shipped ones, so that
     * rewriting a shipped lesson breaks no test. The shipped content is checked by BundledContentTest
     * and ValidateCommandTest.
     */
    String FIXTURE_CONTENT = "src/test/resources/fixture-content";
}
