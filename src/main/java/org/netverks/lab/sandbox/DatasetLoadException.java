package org.netverks.lab.sandbox;

import java.sql.SQLException;

/**
 * A dataset script failed while loading: which file, which line of it (0 when unknown) and what
 * PostgreSQL said, so the author can go straight to the line.
 */
public final class DatasetLoadException extends SQLException {

    private final String file;
    private final int line;
    private final String error;

    DatasetLoadException(String file, int line, String error, Throwable cause) {
        super(file + (line > 0 ? ": line " + line : "") + ": " + error, cause);
        this.file = file;
        this.line = line;
        this.error = error;
    }

    /** The content path of the script, e.g. {@code datasets/practice/data.sql}. */
    public String file() {
        return file;
    }

    /** The 1-based line in that file, or 0 when it is not known. */
    public int line() {
        return line;
    }

    /** PostgreSQL's message, e.g. {@code ERROR: relation "t" does not exist}. */
    public String error() {
        return error;
    }
}
