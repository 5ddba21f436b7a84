package org.netverks.lab.psql;

/**
 * A psql object-name pattern turned into the regular expressions psql matches catalogs with
 * (patternToSQLRegex() and validateSQLNamePattern()): unquoted letters fold to lower case, "*"
 * and "?" are wildcards, "." separates database, schema and name, double quotes make everything
 * literal, and any other regular-expression syntax outside quotes passes through.
 *
 * <p>The regular expressions are only ever bound as query parameters.
 *
 * @param schemaRegex null when the pattern names no schema
 */
record NamePattern(String schemaRegex, String nameRegex) {

    private static final String MATCH_ALL = "^(.*)$";

    /**
     * @param splitSchema whether "." separates a schema, as in database.schema.name; \dn names
     *                    stand alone, and psql then accepts at most one dot (naming a database)
     * @param database the connected database, the only one a qualified name may name
     */
    static NamePattern parse(String pattern, boolean splitSchema, String database) {
        return parse(pattern, splitSchema, splitSchema ? 3 : 2, database);
    }

    /**
     * A pattern for an object the whole server shares (a role, a database): psql takes no dots
     * in it at all, not even a database name.
     */
    static NamePattern parseShared(String pattern) {
        return parse(pattern, false, 1, null);
    }

    private static NamePattern parse(String pattern, boolean splitSchema, int maxParts, String database) {
        int maxBuffers = splitSchema ? 3 : 1;
        StringBuilder[] parts = new StringBuilder[maxBuffers];
        int current = 0;
        parts[0] = new StringBuilder("^(");
        StringBuilder databaseLiteral = new StringBuilder();
        boolean inDatabasePart = true;
        boolean inQuotes = false;
        int dots = 0;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            int next = i < pattern.length() ? pattern.codePointAt(i) : -1;
            StringBuilder regex = parts[current];
            if (c == '"') {
                if (inQuotes && next == '"') {
                    regex.append('"');
                    literal(databaseLiteral, inDatabasePart, '"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && c >= 'A' && c <= 'Z') {
                regex.append((char) Character.toLowerCase(c));
                literal(databaseLiteral, inDatabasePart, Character.toLowerCase(c));
            } else if (!inQuotes && c == '*') {
                regex.append(".*");
                literal(databaseLiteral, inDatabasePart, c);
            } else if (!inQuotes && c == '?') {
                regex.append('.');
                literal(databaseLiteral, inDatabasePart, c);
            } else if (!inQuotes && c == '.') {
                inDatabasePart = false;
                dots++;
                if (current < maxBuffers - 1) {
                    regex.append(")$");
                    parts[++current] = new StringBuilder("^(");
                } else {
                    regex.append('.'); // psql keeps surplus dots and rejects the pattern below
                }
            } else if (c == '$') {
                // "$" is allowed in identifiers and the pattern is anchored anyway, so it is literal
                regex.append("\\$");
                literal(databaseLiteral, inDatabasePart, c);
            } else {
                if ((inQuotes && "|*+?()[]{}.^\\".indexOf(c) >= 0) || (c == '[' && next == ']')) {
                    regex.append('\\');
                }
                regex.appendCodePoint(c);
                literal(databaseLiteral, inDatabasePart, c);
            }
        }
        parts[current].append(")$");

        if (dots >= maxParts) {
            throw new MetaCommandException("improper qualified name (too many dotted names): " + pattern);
        }
        // Without a schema part psql never fills in the database name, so any dot is "cross-database".
        String namedDatabase = splitSchema ? databaseLiteral.toString() : "";
        if (maxParts > 1 && dots == maxParts - 1 && !namedDatabase.equals(database)) {
            throw new MetaCommandException("cross-database references are not implemented: " + pattern);
        }
        String name = parts[current].toString();
        String schema = current >= 1 ? parts[current - 1].toString() : null;
        return new NamePattern(schema, name);
    }

    private static void literal(StringBuilder databaseLiteral, boolean inDatabasePart, int c) {
        if (inDatabasePart) {
            databaseLiteral.appendCodePoint(c);
        }
    }

    /**
     * Adds psql's conditions to the query: the name must match, and either the schema must match
     * or, with no schema given, the object must be visible on the search path.
     */
    void restrict(CatalogQuery query, String schemaColumn, String nameColumn, String visibilityRule) {
        matches(query, nameColumn, nameRegex);
        if (schemaRegex != null) {
            matches(query, schemaColumn, schemaRegex);
        } else if (visibilityRule != null) {
            query.where(visibilityRule);
        }
    }

    /**
     * As {@link #restrict}, for objects with two names where either may match, as psql's \\dT
     * matches a type's internal name ({@code int4}) or its SQL name ({@code integer}).
     */
    void restrictEither(
            CatalogQuery query, String schemaColumn, String nameColumn, String altNameColumn, String visibilityRule) {
        if (!nameRegex.equals(MATCH_ALL)) {
            query.where(
                    "(" + nameColumn + " OPERATOR(pg_catalog.~) CAST(? AS pg_catalog.text) COLLATE pg_catalog.default"
                            + " OR " + altNameColumn
                            + " OPERATOR(pg_catalog.~) CAST(? AS pg_catalog.text) COLLATE pg_catalog.default)",
                    nameRegex,
                    nameRegex);
        }
        if (schemaRegex != null) {
            matches(query, schemaColumn, schemaRegex);
        } else if (visibilityRule != null) {
            query.where(visibilityRule);
        }
    }

    /** Schema-qualified operator and the database's collation, as psql writes it; "*" needs no condition. */
    private static void matches(CatalogQuery query, String column, String regex) {
        if (!regex.equals(MATCH_ALL)) {
            query.where(
                    column + " OPERATOR(pg_catalog.~) CAST(? AS pg_catalog.text) COLLATE pg_catalog.default", regex);
        }
    }
}
