package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetLoaderTest {

    private static final String SCHEMA = "create schema cd;\ncreate table cd.members (memid int);\n";
    private static final String DATA = "insert into cd.members values (1), (2);\n";

    private final List<ContentProblem> problems = new ArrayList<>();

    private Map<String, Dataset> load(String... pathsAndTexts) {
        Map<String, String> files = new HashMap<>();
        files.put("datasets/cd/schema.sql", SCHEMA);
        files.put("datasets/cd/data.sql", DATA);
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            if (pathsAndTexts[i + 1] == null) {
                files.remove(pathsAndTexts[i]);
            } else {
                files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
            }
        }
        return new DatasetLoader().load(new ContentFiles("fixture", files), problems);
    }

    private List<String> problems() {
        return problems.stream().map(ContentProblem::toString).toList();
    }

    @Test
    void aPlainDatasetRunsItsOwnFilesInSchemaPublicWithNoExtensions() {
        Dataset cd = load("datasets/cd/finalise.sql", "analyze cd.members;", "datasets/cd/README.md", "# About")
                .get("cd");
        assertThat(problems).isEmpty();
        assertThat(cd.scripts())
                .extracting(Dataset.Script::file)
                .containsExactly("datasets/cd/schema.sql", "datasets/cd/data.sql", "datasets/cd/finalise.sql");
        assertThat(cd.searchPath()).containsExactly("public");
        assertThat(cd.extensions()).isEmpty();
    }

    @Test
    void searchPathExtensionsAndDescriptionAreRead() {
        Dataset cd = load(
                        "datasets/cd/dataset.yaml",
                        """
                        description: A country club's members, facilities and bookings.
                        search_path: [cd, public]
                        extensions: [pg_trgm, btree_gist, uuid-ossp]
                        """)
                .get("cd");
        assertThat(problems).isEmpty();
        assertThat(cd.searchPath()).containsExactly("cd", "public");
        assertThat(cd.extensions()).containsExactly("pg_trgm", "btree_gist", "uuid-ossp");
        assertThat(cd.fingerprint())
                .as("settings are part of the fingerprint")
                .isNotEqualTo(load().get("cd").fingerprint());
    }

    @Test
    void anUntrustedOrUnknownExtensionAndABadSearchPathAreRefusedByName() {
        load(
                "datasets/cd/dataset.yaml",
                """
                search_path: [Cd, pg_temp, public, public]
                extensions: [postgis, dblink, plpgsql, citext, citext]
                colour: blue
                """);
        String trusted =
                "btree_gin, btree_gist, citext, cube, dict_int, fuzzystrmatch, hstore, intarray, isn, lo, ltree,"
                        + " pg_trgm, pgcrypto, seg, tablefunc, tcn, tsm_system_rows, tsm_system_time, unaccent, uuid-ossp";
        assertThat(problems())
                .containsExactlyInAnyOrder(
                        "datasets/cd/dataset.yaml: colour: unknown field (allowed: like, data, search_path, extensions,"
                                + " description)",
                        "datasets/cd/dataset.yaml: search_path: 'Cd' is not a schema name to use unquoted: lower-case"
                                + " letters, digits and underscores, starting with a letter or underscore, at most 63"
                                + " characters, not pg_…",
                        "datasets/cd/dataset.yaml: search_path: 'pg_temp' is not a schema name to use unquoted:"
                                + " lower-case letters, digits and underscores, starting with a letter or underscore,"
                                + " at most 63 characters, not pg_…",
                        "datasets/cd/dataset.yaml: search_path: 'public' is listed twice",
                        "datasets/cd/dataset.yaml: extensions: 'postgis' is not a trusted extension bundled with"
                                + " PostgreSQL 17 (trusted: " + trusted + ")",
                        "datasets/cd/dataset.yaml: extensions: 'dblink' is not a trusted extension bundled with"
                                + " PostgreSQL 17 (trusted: " + trusted + ")",
                        "datasets/cd/dataset.yaml: extensions: 'plpgsql' is always installed: leave it out",
                        "datasets/cd/dataset.yaml: extensions: 'citext' is listed twice");
        problems.clear();
        load("datasets/cd/dataset.yaml", "search_path: cd\nextensions: []\ndescription: \"two\\nlines\"");
        assertThat(problems())
                .containsExactlyInAnyOrder(
                        "datasets/cd/dataset.yaml: search_path: must be a list, not text",
                        "datasets/cd/dataset.yaml: description: must be one line");
        problems.clear();
        load("datasets/cd/dataset.yaml", "search_path: []");
        assertThat(problems())
                .containsExactly("datasets/cd/dataset.yaml: search_path: must name at least one schema, like [public]");
    }

    @Test
    void aTwinWithDataInheritRunsTheOthersDataThenItsOwnChangesAndTakesItsSettings() {
        Map<String, Dataset> datasets = load(
                "datasets/cd/dataset.yaml",
                "search_path: [cd, public]\nextensions: [citext]",
                "datasets/cd/finalise.sql",
                "analyze cd.members;",
                "datasets/cd-alt/dataset.yaml",
                "like: cd\ndata: inherit\n",
                "datasets/cd-alt/changes.sql",
                "update cd.members set memid = 3 where memid = 2;");
        assertThat(problems).isEmpty();
        Dataset twin = datasets.get("cd-alt");
        assertThat(twin.scripts())
                .containsExactly(
                        new Dataset.Script("datasets/cd/schema.sql", SCHEMA),
                        new Dataset.Script("datasets/cd/data.sql", DATA),
                        new Dataset.Script(
                                "datasets/cd-alt/changes.sql", "update cd.members set memid = 3 where memid = 2;"),
                        new Dataset.Script("datasets/cd/finalise.sql", "analyze cd.members;"));
        assertThat(twin.searchPath()).containsExactly("cd", "public");
        assertThat(twin.extensions()).containsExactly("citext");
    }

    @Test
    void aTwinWithoutDataInheritKeepsItsOwnDataAndMayNameItsOwnSettings() {
        Dataset twin = load(
                        "datasets/cd-alt/dataset.yaml",
                        "like: cd\nsearch_path: [public]",
                        "datasets/cd-alt/data.sql",
                        "insert into cd.members values (9);")
                .get("cd-alt");
        assertThat(problems).isEmpty();
        assertThat(twin.scripts())
                .extracting(Dataset.Script::file)
                .containsExactly("datasets/cd/schema.sql", "datasets/cd-alt/data.sql");
        assertThat(twin.searchPath()).containsExactly("public");
    }

    @Test
    void badLikeDataInheritAndChangesAreEachNamedInOnePass() {
        load(
                "datasets/a/dataset.yaml",
                "data: inherit",
                "datasets/b/dataset.yaml",
                "like: cd\ndata: inherit",
                "datasets/b/data.sql",
                "select 1;",
                "datasets/c/schema.sql",
                "create table c (id int);",
                "datasets/c/changes.sql",
                "delete from c;",
                "datasets/d/dataset.yaml",
                "like: b",
                "datasets/e/dataset.yaml",
                "like: e",
                "datasets/f/dataset.yaml",
                "like: c\ndata: copy",
                "datasets/g/dataset.yaml",
                "like: c\ndata: inherit",
                "datasets/h/dataset.yaml",
                "like: nope",
                "datasets/i/data.sql",
                "select 1;",
                "datasets/cd/change.sql",
                "select 1;");
        assertThat(problems())
                .containsExactlyInAnyOrder(
                        "datasets/a/dataset.yaml: data: inherit needs like: <dataset>, to say whose data.sql to reuse",
                        "datasets/a/: needs a schema.sql, or like: <dataset> in its dataset.yaml",
                        "datasets/b/dataset.yaml: data: inherit, but datasets/b/data.sql exists too: keep one (put"
                                + " the differences in changes.sql)",
                        "datasets/c/changes.sql: runs only after an inherited data.sql: add like: <dataset> and data:"
                                + " inherit to datasets/c/dataset.yaml (or rename it data.sql)",
                        "datasets/d/dataset.yaml: like: 'b' is itself like 'cd': name 'cd' (one level only, so a"
                                + " twin's scripts are always in two folders)",
                        "datasets/e/dataset.yaml: like: a dataset cannot be like itself",
                        "datasets/f/dataset.yaml: data: 'copy' is not allowed: the only value is inherit (reuse the"
                                + " like: dataset's data.sql)",
                        "datasets/g/dataset.yaml: data: inherit, but datasets/c/ has no data.sql",
                        "datasets/h/dataset.yaml: like: 'nope' is not a dataset folder with its own schema.sql",
                        "datasets/i/: needs a schema.sql",
                        "datasets/cd/change.sql: is not a dataset script and would never run (they are: schema.sql,"
                                + " data.sql, changes.sql, finalise.sql)");
    }

    @Test
    void aCopyBlockWithNoEndIsAFileProblemWithItsLine() {
        load("datasets/cd/data.sql", "select 1;\n\nCOPY cd.members FROM stdin;\n1\n2\n");
        assertThat(problems())
                .containsExactly(
                        "datasets/cd/data.sql: line 3: the COPY … FROM stdin block has no end: its rows must be"
                                + " followed by a line \\.");
    }
}
