package org.netverks.content;

import java.util.Set;
import java.util.TreeSet;

/**
 * The extensions a dataset may list and a learner may create in their own sandbox: those of
 * PostgreSQL 17's bundled contrib modules that PostgreSQL itself marks {@code trusted} (a
 * non-superuser with CREATE on the database may install them, and they give no way out of the
 * database). plpgsql is always installed. Anything else — untrusted contrib modules such as
 * dblink or file_fdw, or extensions PostgreSQL does not ship, such as postgis — is refused.
 */
public final class TrustedExtensions {

    /** Sorted, for messages that list them. */
    public static final Set<String> NAMES = java.util.Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "btree_gin",
            "btree_gist",
            "citext",
            "cube",
            "dict_int",
            "fuzzystrmatch",
            "hstore",
            "intarray",
            "isn",
            "lo",
            "ltree",
            "pg_trgm",
            "pgcrypto",
            "seg",
            "tablefunc",
            "tcn",
            "tsm_system_rows",
            "tsm_system_time",
            "unaccent",
            "uuid-ossp")));

    private TrustedExtensions() {}

    public static boolean isTrusted(String name) {
        return NAMES.contains(name);
    }
}
