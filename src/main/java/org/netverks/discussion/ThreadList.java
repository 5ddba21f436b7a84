package org.netverks.discussion;

import java.util.List;

/** One page of a lesson's threads, newest activity first. */
public record ThreadList(LessonRef lesson, List<ThreadSummary> threads, int page, int pages, int total) {

    public String pagePath(int number) {
        return lesson.discussionPath() + (number == 1 ? "" : "?page=" + number);
    }
}
