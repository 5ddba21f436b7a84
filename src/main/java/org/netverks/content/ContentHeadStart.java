package org.netverks.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.netverks.NetverksApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reads and renders the content on a thread of its own the moment the app's settings are known,
 * so that this work (about half a second on two cores) overlaps the seconds in which Spring sets
 * up the context, instead of adding to them on the main thread: the content needs no database.
 * {@link ContentCatalog} takes the result ({@link Loading#join()}), waiting for it if it is not
 * ready yet; invalid content is thrown there, as if the catalog had loaded it, and stops the
 * start as before.
 *
 * <p>Registered in {@code META-INF/spring.factories}. Like the platform cluster's head start, it
 * does nothing unless this is the app's own start ({@code NetverksApplication}'s main) with a
 * content folder that exists or none set (the context's validator reports a wrong one).
 */
public class ContentHeadStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** The bean name under which the loading content waits for the catalog. */
    static final String BEAN_NAME = "contentHeadStart";

    private Loading loading;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            if (prepared.getSpringApplication().getMainApplicationClass() == NetverksApplication.class) {
                loading = startLoading(prepared.getEnvironment());
            }
        } else if (loading != null && event instanceof ApplicationPreparedEvent prepared) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, loading);
        }
    }

    /** After Boot's own listeners: the environment holds application.properties by then. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The content being loaded in the background, or null when the catalog must load it itself. */
    static Loading startLoading(Environment environment) {
        String contentDir = environment.getProperty("netverks.content-dir", "");
        if (!contentDir.isBlank() && !Files.isDirectory(Path.of(contentDir))) {
            return null;
        }
        return new Loading(contentDir);
    }

    /** The catalog of one content folder (blank: the bundled content), being read and rendered. */
    static final class Loading {

        private final String contentDir;
        private final CompletableFuture<Catalog> catalog = new CompletableFuture<>();

        private Loading(String contentDir) {
            this.contentDir = contentDir;
            Thread loader = new Thread(
                    () -> {
                        try {
                            catalog.complete(new ContentLoader().load(ContentCatalog.readFiles(contentDir)));
                        } catch (RuntimeException | Error e) {
                            catalog.completeExceptionally(e);
                        }
                    },
                    "content-load");
            loader.setDaemon(true);
            loader.start();
        }

        /** Whether this is the folder the catalog serves (the settings the context bound may differ). */
        boolean loads(String dir) {
            return contentDir.equals(dir);
        }

        /** The loaded catalog; what the loading threw is thrown here. */
        Catalog join() {
            try {
                return catalog.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
