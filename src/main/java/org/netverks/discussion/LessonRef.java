package org.netverks.discussion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.netverks.content.Lesson;
import org.netverks.content.Track;

/** The lesson a discussion belongs to: its addresses and its stable id (what threads are keyed by). */
public record LessonRef(
        String trackSlug, String lessonSlug, String lessonId, String lessonTitle, List<String> starterTopics) {

    /** The lesson's discussion; the lesson page builds one for its discussion box. */
    public static LessonRef of(Track track, Lesson lesson) {
        return new LessonRef(
                track.slug(),
                lesson.slug(),
                lesson.id(),
                lesson.title(),
                lesson.parts().starterTopics());
    }

    public String lessonPath() {
        return "/tracks/" + trackSlug + "/" + lessonSlug;
    }

    public String discussionPath() {
        return lessonPath() + "/discussion";
    }

    public String threadPath(long threadId) {
        return discussionPath() + "/" + threadId;
    }

    public String postPath(long threadId, long postId) {
        return threadPath(threadId) + "/posts/" + postId;
    }

    /** Log in, then come back to {@code path}. */
    public static String logInTo(String path) {
        return "/login?continue=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
