package org.netverks.discussion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The discussion's SQL: threads, posts, reports, and the account flags posting depends on. */
@Repository
class DiscussionRepository {

    /** A thread visible in lists: its opening post is live, or it has live comments under a deleted one. */
    private static final String LISTED =
            """
            t.lesson_id = :lesson and (o.deleted_at is null or exists (select 1 from discussion_post c
                where c.thread_id = t.id and not c.opening and c.deleted_at is null))""";

    private final JdbcClient jdbc;

    DiscussionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ThreadRow(
            long id,
            String lessonId,
            String title,
            UUID authorId,
            String authorName,
            Instant createdAt,
            Instant lastActivityAt,
            boolean openingDeleted,
            boolean openingHidden,
            int comments) {}

    record PostRow(
            long id,
            long threadId,
            boolean opening,
            Long parentId,
            UUID authorId,
            String authorName,
            boolean authorBlocked,
            String body,
            Instant createdAt,
            Instant editedAt,
            Instant deletedAt,
            Instant hiddenAt,
            int openReports) {}

    record Posting(
            boolean blocked,
            boolean verified,
            int lastMinute,
            int minuteWaitSeconds,
            int lastHour,
            int hourWaitSeconds) {}

    record ReportRow(
            long postId,
            long threadId,
            String lessonId,
            String threadTitle,
            String body,
            String authorName,
            int reports,
            String reasons,
            Instant firstReported,
            boolean hidden) {}

    private static final String THREAD_COLUMNS =
            """
            select t.id, t.lesson_id, t.title, t.author_id, a.display_name as author_name, t.created_at,
                   t.last_activity_at, o.deleted_at is not null as opening_deleted,
                   o.hidden_at is not null as opening_hidden,
                   (select count(*) from discussion_post c where c.thread_id = t.id and not c.opening
                       and c.deleted_at is null and c.hidden_at is null) as comments
            from discussion_thread t
            join discussion_post o on o.thread_id = t.id and o.opening
            left join learner_account a on a.id = t.author_id
            """;

    List<ThreadRow> threads(String lessonId, int limit, int offset) {
        return jdbc.sql(THREAD_COLUMNS + " where " + LISTED
                        + " order by t.last_activity_at desc, t.id desc limit :limit offset :offset")
                .param("lesson", lessonId)
                .param("limit", limit)
                .param("offset", offset)
                .query(DiscussionRepository::threadRow)
                .list();
    }

    int threadCount(String lessonId) {
        return jdbc.sql(
                        "select count(*) from discussion_thread t join discussion_post o on o.thread_id = t.id and o.opening"
                                + " where " + LISTED)
                .param("lesson", lessonId)
                .query(Integer.class)
                .single();
    }

    Optional<ThreadRow> thread(long threadId) {
        return jdbc.sql(THREAD_COLUMNS + " where t.id = :id")
                .param("id", threadId)
                .query(DiscussionRepository::threadRow)
                .optional();
    }

    /**
     * The live thread with this title in the lesson. Takes a transaction-long advisory lock on the
     * lesson and title first, so two clicks on the same starter topic (on any instance) make one thread.
     */
    Optional<Long> liveThreadTitled(String lessonId, String title) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "discussion-starter:" + lessonId + ":" + title.toLowerCase(java.util.Locale.ROOT))
                .query((row, n) -> 1)
                .single();
        return jdbc.sql(
                        """
                        select t.id from discussion_thread t join discussion_post o on o.thread_id = t.id and o.opening
                        where t.lesson_id = :lesson and lower(t.title) = lower(:title) and o.deleted_at is null
                          and o.hidden_at is null
                        order by t.id limit 1""")
                .param("lesson", lessonId)
                .param("title", title)
                .query(Long.class)
                .optional();
    }

    List<PostRow> posts(long threadId) {
        return jdbc.sql(POST_COLUMNS + " where p.thread_id = :thread order by p.id")
                .param("thread", threadId)
                .query(DiscussionRepository::postRow)
                .list();
    }

    Optional<PostRow> post(long postId) {
        return jdbc.sql(POST_COLUMNS + " where p.id = :id")
                .param("id", postId)
                .query(DiscussionRepository::postRow)
                .optional();
    }

    private static final String POST_COLUMNS =
            """
            select p.id, p.thread_id, p.opening, p.parent_id, p.author_id, a.display_name as author_name,
                   coalesce(a.blocked, false) as author_blocked, p.body, p.created_at, p.edited_at, p.deleted_at,
                   p.hidden_at,
                   (select count(*) from discussion_report r where r.post_id = p.id and r.resolved_at is null)
                       as open_reports
            from discussion_post p left join learner_account a on a.id = p.author_id
            """;

    /**
     * Locks the account's row for the rest of the transaction (so two posts at once are counted one
     * after the other, on any instance) and says whether it is blocked, whether its e-mail address is
     * confirmed, and how much it posted lately.
     */
    Posting posting(UUID accountId) {
        record Account(boolean blocked, boolean verified) {}
        Account account = jdbc.sql("select blocked, email_verified_at is not null from learner_account "
                        + "where id = :id for update")
                .param("id", accountId)
                .query((row, n) -> new Account(row.getBoolean(1), row.getBoolean(2)))
                .optional()
                .orElse(new Account(true, false));
        return jdbc.sql(
                        """
                        select count(*) filter (where created_at > now() - interval '1 minute') as last_minute,
                               coalesce(ceil(extract(epoch from min(created_at) filter (
                                   where created_at > now() - interval '1 minute') + interval '1 minute' - now())), 0)
                                   as minute_wait,
                               count(*) as last_hour,
                               coalesce(ceil(extract(epoch from min(created_at) + interval '1 hour' - now())), 0)
                                   as hour_wait
                        from discussion_post where author_id = :id and created_at > now() - interval '1 hour'""")
                .param("id", accountId)
                .query((row, n) -> new Posting(
                        account.blocked(),
                        account.verified(),
                        row.getInt("last_minute"),
                        row.getInt("minute_wait"),
                        row.getInt("last_hour"),
                        row.getInt("hour_wait")))
                .single();
    }

    long insertThread(String lessonId, String title, UUID authorId, boolean starterTopic, String body) {
        long threadId = jdbc.sql(
                        """
                        insert into discussion_thread (lesson_id, title, author_id, starter_topic)
                        values (:lesson, :title, :author, :starter) returning id""")
                .param("lesson", lessonId)
                .param("title", title)
                .param("author", authorId)
                .param("starter", starterTopic)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into discussion_post (thread_id, opening, author_id, body) values (:thread, true, :author, :body)")
                .param("thread", threadId)
                .param("author", authorId)
                .param("body", body)
                .update();
        return threadId;
    }

    long insertPost(long threadId, Long parentId, UUID authorId, String body) {
        long id = jdbc.sql(
                        """
                        insert into discussion_post (thread_id, parent_id, author_id, body)
                        values (:thread, :parent, :author, :body) returning id""")
                .param("thread", threadId)
                .param("parent", parentId)
                .param("author", authorId)
                .param("body", body)
                .query(Long.class)
                .single();
        jdbc.sql("update discussion_thread set last_activity_at = now() where id = :thread")
                .param("thread", threadId)
                .update();
        return id;
    }

    void updatePost(long postId, String body) {
        jdbc.sql("update discussion_post set body = :body, edited_at = now() where id = :id")
                .param("body", body)
                .param("id", postId)
                .update();
    }

    void updateTitle(long threadId, String title) {
        jdbc.sql("update discussion_thread set title = :title where id = :id")
                .param("title", title)
                .param("id", threadId)
                .update();
    }

    void deletePost(long postId) {
        jdbc.sql("update discussion_post set deleted_at = now() where id = :id and deleted_at is null")
                .param("id", postId)
                .update();
    }

    void hidePost(long postId, UUID moderatorId) {
        jdbc.sql(
                        "update discussion_post set hidden_at = now(), hidden_by = :moderator where id = :id and hidden_at is null")
                .param("moderator", moderatorId)
                .param("id", postId)
                .update();
        resolveReports(postId);
    }

    void unhidePost(long postId) {
        jdbc.sql("update discussion_post set hidden_at = null, hidden_by = null where id = :id")
                .param("id", postId)
                .update();
    }

    void report(long postId, UUID reporterId, String reason) {
        jdbc.sql(
                        """
                        insert into discussion_report (post_id, reporter_id, reason) values (:post, :reporter, :reason)
                        on conflict (post_id, reporter_id) do update set reason = excluded.reason,
                            created_at = now(), resolved_at = null""")
                .param("post", postId)
                .param("reporter", reporterId)
                .param("reason", reason)
                .update();
    }

    void resolveReports(long postId) {
        jdbc.sql("update discussion_report set resolved_at = now() where post_id = :post and resolved_at is null")
                .param("post", postId)
                .update();
    }

    List<ReportRow> openReports() {
        return jdbc.sql(
                        """
                        select p.id as post_id, p.thread_id, t.lesson_id, t.title, p.body, a.display_name as author_name,
                               count(*) as reports, string_agg(nullif(r.reason, ''), ' · ' order by r.created_at) as reasons,
                               min(r.created_at) as first_reported, p.hidden_at is not null as hidden
                        from discussion_report r
                        join discussion_post p on p.id = r.post_id
                        join discussion_thread t on t.id = p.thread_id
                        left join learner_account a on a.id = p.author_id
                        where r.resolved_at is null
                        group by p.id, t.id, a.display_name
                        order by min(r.created_at)
                        limit 200""")
                .query((row, n) -> new ReportRow(
                        row.getLong("post_id"),
                        row.getLong("thread_id"),
                        row.getString("lesson_id"),
                        row.getString("title"),
                        row.getString("body"),
                        row.getString("author_name"),
                        row.getInt("reports"),
                        row.getString("reasons"),
                        row.getTimestamp("first_reported").toInstant(),
                        row.getBoolean("hidden")))
                .list();
    }

    /** The blocked flag is on the account (V3 made it for the discussion); only moderators set it, here. */
    boolean setBlocked(UUID accountId, boolean blocked) {
        return jdbc.sql("update learner_account set blocked = :blocked where id = :id")
                        .param("blocked", blocked)
                        .param("id", accountId)
                        .update()
                == 1;
    }

    private static ThreadRow threadRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new ThreadRow(
                row.getLong("id"),
                row.getString("lesson_id"),
                row.getString("title"),
                row.getObject("author_id", UUID.class),
                row.getString("author_name"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("last_activity_at").toInstant(),
                row.getBoolean("opening_deleted"),
                row.getBoolean("opening_hidden"),
                row.getInt("comments"));
    }

    private static PostRow postRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        long parent = row.getLong("parent_id");
        Long parentId = row.wasNull() ? null : parent;
        return new PostRow(
                row.getLong("id"),
                row.getLong("thread_id"),
                row.getBoolean("opening"),
                parentId,
                row.getObject("author_id", UUID.class),
                row.getString("author_name"),
                row.getBoolean("author_blocked"),
                row.getString("body"),
                row.getTimestamp("created_at").toInstant(),
                instant(row, "edited_at"),
                instant(row, "deleted_at"),
                instant(row, "hidden_at"),
                row.getInt("open_reports"));
    }

    private static Instant instant(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
