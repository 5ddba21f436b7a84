package org.netverks.discussion;

import java.util.List;

/**
 * One page of a lesson's threads, newest activity first. {@code csrf} is empty for an anonymous
 * reader, whose "Start a thread" goes to log-in.
 */
public record ThreadList(
        LessonRef lesson, List<ThreadSummary> threads, int page, int pages, int total, boolean signedIn, String csrf) {

    public String pagePath(int number) {
        return lesson.discussionPath() + (number == 1 ? "" : "?page=" + number);
    }
}
