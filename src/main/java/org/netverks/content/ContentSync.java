package org.netverks.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the loaded tracks and lessons into the platform database by their stable ids: learners'
 * progress and discussion rows reference content_lesson by foreign key (V7). Idempotent: loading
 * the same content twice changes nothing, and a lesson removed from the files is marked retired
 * rather than deleted, keeping learners' history.
 */
@Component
class ContentSync {

    private final JdbcClient jdbc;

    ContentSync(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void record(Catalog catalog) {
        jdbc.sql("update content_lesson set retired = true").update();
        for (Track track : catalog.tracks()) {
            jdbc.sql(
                            """
                    insert into content_track (id, slug, title) values (:id, :slug, :title)
                    on conflict (id) do update set slug = excluded.slug, title = excluded.title
                    """)
                    .param("id", track.id())
                    .param("slug", track.slug())
                    .param("title", track.title())
                    .update();
            for (Track.Step step : track.steps()) {
                jdbc.sql(
                                """
                        insert into content_lesson (id, track_id, position, slug, title, content_version, retired)
                        values (:id, :track, :position, :slug, :title, :version, false)
                        on conflict (id) do update set track_id = excluded.track_id, position = excluded.position,
                            slug = excluded.slug, title = excluded.title,
                            content_version = excluded.content_version, retired = false
                        """)
                        .param("id", step.id())
                        .param("track", track.id())
                        .param("position", step.position())
                        .param("slug", step.slug())
                        .param("title", step.title())
                        .param("version", step.available() ? step.lesson().contentVersion() : null)
                        .update();
            }
        }
    }
}
