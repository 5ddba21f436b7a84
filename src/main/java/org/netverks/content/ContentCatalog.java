package org.netverks.content;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The content being served. Loaded at start-up (an invalid folder stops the start); a reload
 * swaps in a new catalog only when the whole folder is valid and passes the same database checks
 * as {@code validate} ({@link ContentDatabaseCheck}), so a half-edited file or a broken exercise
 * never reaches learners. Start-up checks the files only: the lab that runs the database checks is
 * built on the catalog, and what ships is checked by {@code validate} in CI.
 *
 * <p>The first catalog is recorded in the platform database ({@link ContentSync}) as a lifecycle
 * step, once every bean is made and before the web server starts ({@link #start()}): made
 * here, that write would hold the whole context's set-up until the platform database is started
 * and migrated.
 */
@Service
public class ContentCatalog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentCatalog.class);

    private final String contentDir;
    private final ContentSync sync;
    private final ObjectProvider<ContentDatabaseCheck> databaseCheck;
    private final AtomicReference<Catalog> current = new AtomicReference<>();
    private volatile boolean recorded;

    // the validator as a parameter: the folder is read right here, so it is checked first
    ContentCatalog(
            ContentProperties properties,
            ContentPropertiesValidator checked,
            ContentSync sync,
            ObjectProvider<ContentDatabaseCheck> databaseCheck,
            ObjectProvider<ContentHeadStart.Loading> headStart) {
        this.contentDir = properties.contentDir();
        this.sync = sync;
        this.databaseCheck = databaseCheck;
        ContentHeadStart.Loading loading = headStart.getIfAvailable();
        current.set(
                loading != null && loading.loads(contentDir) ? loading.join() : new ContentLoader().load(readFiles()));
    }

    /** Records the first catalog; after the platform database's migration, before the web server. */
    @Override
    public void start() {
        serve(current.get());
        recorded = true;
    }

    @Override
    public void stop() {
        recorded = false;
    }

    @Override
    public boolean isRunning() {
        return recorded;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }

    public Catalog current() {
        return current.get();
    }

    /**
     * Re-reads every file and runs the database checks; throws {@link InvalidContentException}
     * with every problem and keeps the old catalog if anything is wrong.
     */
    public synchronized Catalog reload() {
        Catalog catalog = new ContentLoader().load(readFiles());
        ContentDatabaseCheck check = databaseCheck.getIfAvailable();
        if (check != null) {
            List<ContentProblem> problems = check.problems(catalog);
            if (!problems.isEmpty()) {
                throw new InvalidContentException(problems);
            }
        }
        serve(catalog);
        return catalog;
    }

    private void serve(Catalog catalog) {
        sync.record(catalog);
        current.set(catalog);
        log.info(
                "Loaded {} track(s), {} lesson(s) from {}",
                catalog.tracks().size(),
                catalog.lessonCount(),
                catalog.origin());
    }

    private ContentFiles readFiles() {
        return readFiles(contentDir);
    }

    /** The files of {@code contentDir}, or the bundled content when it is blank. */
    static ContentFiles readFiles(String contentDir) {
        return contentDir.isBlank() ? ContentFiles.bundled() : ContentFiles.fromDirectory(Path.of(contentDir));
    }
}
