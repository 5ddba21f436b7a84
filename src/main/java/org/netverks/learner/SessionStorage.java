package org.netverks.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sessions in the platform database (Spring Session JDBC, tables made by Flyway), shared by every
 * app instance and kept across restarts. Spring Session reads the session on every request that
 * carries a cookie, and as configured by default also wrapped each read in a transaction and
 * wrote the last-access time back each time: a signed-in lesson page cost five round trips and a
 * WAL flush, and ran at an eighth of the anonymous page's rate (bench/RESULTS.md). Here a session
 * is read with one statement, and its access time is written at most every ten minutes (sessions
 * last two weeks, so nothing is lost; the lab's runs read no session at all, see lab.LeanLabRuns). Each statement is atomic by itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStorage implements BeanClassLoaderAware {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(10);

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    JdbcIndexedSessionRepository jdbcSessions(
            DataSource dataSource, @Value("${spring.session.timeout}") Duration timeout) {
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(
                new JdbcTemplate(dataSource), TransactionOperations.withoutTransaction());
        sessions.setDefaultMaxInactiveInterval(timeout);
        // two requests of one session adding the same attribute at once (a learner's first runs in
        // two tabs) would both INSERT it and one would fail with a unique violation: upsert instead
        new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        // its own clean-up timer would log a stack trace every time the database is away: ExpiredSessions runs it
        sessions.setCleanupCron(org.springframework.scheduling.annotation.Scheduled.CRON_DISABLED);
        // attributes are deserialised with the application's class loader (a packaged jar has its own)
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
        sessions.setConversionService(conversions);
        return sessions;
    }

    @Bean
    @Primary
    @SuppressWarnings({"unchecked", "rawtypes"})
    FindByIndexNameSessionRepository<Session> sessionRepository(JdbcIndexedSessionRepository jdbc) {
        return new TouchLimitedRepository((FindByIndexNameSessionRepository) jdbc);
    }

    /** Our session ids are UUIDs; anything else in a SESSION cookie cannot name a stored session. */
    static boolean looksLikeSessionId(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= 64
                && id.chars()
                        .allMatch(c ->
                                c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /** Hands out stored sessions whose access time only moves when it is {@link #TOUCH_EVERY} old. */
    static final class TouchLimitedRepository implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<Session> sessions;

        TouchLimitedRepository(FindByIndexNameSessionRepository<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public Session createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(Session session) {
            sessions.save(session instanceof TouchLimitedSession limited ? limited.session : session);
        }

        @Override
        public Session findById(String id) {
            if (!looksLikeSessionId(id)) {
                // a cookie no server of ours set (garbage, NUL bytes): no session, not a database error
                return null;
            }
            Session session = sessions.findById(id);
            return session == null ? null : new TouchLimitedSession(session);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new TouchLimitedSession(entry.getValue())));
        }
    }

    static final class TouchLimitedSession implements Session {

        private final Session session;

        TouchLimitedSession(Session session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(session.getLastAccessedTime(), lastAccessedTime)
                            .compareTo(TOUCH_EVERY)
                    >= 0) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
