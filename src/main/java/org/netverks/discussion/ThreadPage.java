package org.netverks.discussion;

/** A thread's page: the thread as this viewer sees it, the comment or reply form, and a notice (reported). */
public record ThreadPage(ThreadView thread, PostForm form, String notice) {}
