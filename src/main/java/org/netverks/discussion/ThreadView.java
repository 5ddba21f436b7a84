package org.netverks.discussion;

import java.util.List;

/** A thread page: the opening post, then comments oldest first, each with its replies. */
public record ThreadView(
        LessonRef lesson,
        long id,
        String title,
        boolean titleHidden,
        PostView opening,
        List<PostView> comments,
        int commentCount) {

    public String path() {
        return lesson.threadPath(id);
    }
}
