package org.netverks.content;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The content being served. Loaded at start-up (an invalid folder stops the start); a reload
 * swaps in a new catalog only when the whole folder is valid, so a half-edited file never
 * reaches learners.
 */
@Service
public class ContentCatalog {

    private static final Logger log = LoggerFactory.getLogger(ContentCatalog.class);

    private final String contentDir;
    private final ContentSync sync;
    private final AtomicReference<Catalog> current = new AtomicReference<>();

    // the validator as a parameter: the folder is read right here, so it is checked first
    ContentCatalog(ContentProperties properties, ContentPropertiesValidator checked, ContentSync sync) {
        this.contentDir = properties.contentDir();
        this.sync = sync;
        reload();
    }

    public Catalog current() {
        return current.get();
    }

    /** Re-reads every file; throws {@link InvalidContentException} and keeps the old catalog if any is wrong. */
    public synchronized Catalog reload() {
        Catalog catalog = new ContentLoader().load(readFiles());
        sync.record(catalog);
        current.set(catalog);
        log.info(
                "Loaded {} track(s), {} lesson(s) from {}",
                catalog.tracks().size(),
                catalog.lessonCount(),
                catalog.origin());
        return catalog;
    }

    private ContentFiles readFiles() {
        return contentDir.isBlank() ? ContentFiles.bundled() : ContentFiles.fromDirectory(Path.of(contentDir));
    }
}
