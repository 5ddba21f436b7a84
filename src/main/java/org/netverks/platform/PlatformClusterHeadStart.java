package org.netverks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netverks.NetverksApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded platform PostgreSQL the moment the app's settings are known, on a thread of
 * its own, so that initdb and the postmaster's start (2–3 s, mostly outside this JVM) overlap the
 * seconds Spring spends setting up the application context. The platform cluster's bean then
 * takes the starting cluster ({@link Starting#claim()}); whatever first needs a connection waits
 * for it, and a failure to start is thrown there, as if the bean had started it.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so it runs before any bean exists. It starts
 * nothing unless this is the app's own start ({@code NetverksApplication}'s main; commands such as
 * {@code validate} return before Spring starts) with no {@code spring.datasource.url} and valid
 * platform settings (invalid ones are reported by the context, as before). A test's context (its
 * main class is the test class) starts the cluster when its DataSource is made, or never.
 */
public class PlatformClusterHeadStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PlatformClusterHeadStart.class);

    /** The bean name under which the starting cluster waits for the DataSource. */
    static final String BEAN_NAME = "platformClusterHeadStart";

    private Starting starting;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            if (prepared.getSpringApplication().getMainApplicationClass() == NetverksApplication.class) {
                starting = startIfEmbedded(prepared.getEnvironment());
            }
        } else if (starting == null) {
            return;
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, starting);
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            starting.closeUnclaimed();
        }
    }

    /**
     * After Boot's own listeners: the environment holds application.properties and the profiles'
     * settings by then.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The cluster starting in the background, or null when the context must decide itself. */
    static Starting startIfEmbedded(ConfigurableEnvironment environment) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return null;
        }
        PlatformProperties properties;
        try {
            properties = Binder.get(environment).bindOrCreate("netverks", PlatformProperties.class);
            new PlatformPropertiesValidator(properties);
        } catch (RuntimeException e) {
            return null; // the context binds and validates them again, and says what is wrong
        }
        return new Starting(properties);
    }

    /** The platform cluster being started; the DataSource's bean claims it. */
    static final class Starting {

        private final CompletableFuture<EmbeddedClusterSupervisor> cluster = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        private Starting(PlatformProperties properties) {
            Thread starter = new Thread(
                    () -> {
                        try {
                            cluster.complete(PlatformCluster.start(properties));
                        } catch (IOException | RuntimeException e) {
                            cluster.completeExceptionally(e);
                        }
                    },
                    "platform-cluster-start");
            starter.setDaemon(true);
            starter.start();
        }

        /** The cluster, running or starting; from now on the caller closes it. */
        CompletableFuture<EmbeddedClusterSupervisor> claim() {
            claimed.set(true);
            return cluster;
        }

        /**
         * Stops the cluster if no DataSource took it (a context without the platform database, or
         * one that failed before making it), so that no PostgreSQL outlives the JVM.
         */
        void closeUnclaimed() {
            if (claimed.getAndSet(true)) {
                return;
            }
            try {
                cluster.join().close();
            } catch (CompletionException e) {
                // it never started: nothing to stop
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("Stopped the embedded platform PostgreSQL: nothing in this context used it");
        }
    }
}
