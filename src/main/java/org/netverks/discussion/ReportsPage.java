package org.netverks.discussion;

import java.util.List;

/** The moderators' queue of reported posts. */
public record ReportsPage(List<ReportView> reports) {}
