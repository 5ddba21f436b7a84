package org.netverks.discussion;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.learner.AccountData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A learner's posts in their data export, and erased with their account: the text goes and the
 * post shows as "[deleted]" where replies hang on it (elsewhere it disappears), as when the author
 * deletes it. Thread titles stay: other learners' comments answer them.
 */
@Component
class DiscussionAccountData implements AccountData {

    private final JdbcClient jdbc;

    DiscussionAccountData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String exportKey() {
        return "discussionPosts";
    }

    @Override
    public Object export(UUID accountId) {
        List<Map<String, Object>> posts = jdbc.sql(
                        """
                select t.lesson_id, t.title as thread, p.opening, p.parent_id is not null as reply, p.body,
                       p.created_at, p.edited_at, p.deleted_at, p.hidden_at
                from discussion_post p join discussion_thread t on t.id = p.thread_id
                where p.author_id = :account order by p.created_at""")
                .param("account", accountId)
                .query()
                .listOfRows();
        return posts;
    }

    @Override
    public void erase(UUID accountId) {
        jdbc.sql(
                        "update discussion_post set body = '', deleted_at = coalesce(deleted_at, now()) where author_id = :account")
                .param("account", accountId)
                .update();
    }
}
