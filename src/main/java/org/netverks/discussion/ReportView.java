package org.netverks.discussion;

/** A reported post in the moderators' queue; {@code bodyHtml} is sanitised like any post. */
public record ReportView(
        long postId,
        String threadTitle,
        String threadPath,
        String authorName,
        String bodyHtml,
        int reports,
        String reasons,
        boolean hidden) {}
