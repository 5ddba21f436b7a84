package org.netverks.content;

import java.util.List;

/**
 * The database half of checking content, the same checks as {@code validate}: every dataset loads,
 * every reference solution passes its own grader, every known-wrong answer fails, order rules hold.
 * The lab provides it (content does not know how to grade); a reload runs it before it swaps.
 */
public interface ContentDatabaseCheck {

    /** Every problem found in {@code catalog}; empty when it may be served. */
    List<ContentProblem> problems(Catalog catalog);
}
