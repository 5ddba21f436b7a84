package org.netverks.learner;

import org.netverks.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/** Deletes expired sessions from the platform database every {@code spring.session.jdbc.cleanup-cron}. */
@Component
class ExpiredSessions {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "${spring.session.jdbc.cleanup-cron}")
    void cleanUp() {
        BackgroundWork.run(log, "Expired session clean-up", sessions::cleanUpExpiredSessions);
    }
}
