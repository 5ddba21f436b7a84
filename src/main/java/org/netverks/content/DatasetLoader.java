package org.netverks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads every folder under {@code datasets/} into a {@link Dataset}: its scripts, in the order
 * they run (schema.sql, data.sql, changes.sql, finalise.sql), each with the path it really comes
 * from, and what its {@code dataset.yaml} says. Every problem is added to the list, all in one pass.
 * <p>
 * A dataset may be {@code like} another (a hidden twin for grading): it takes that dataset's
 * schema.sql, finalise.sql, search_path and extensions unless it has its own, and with
 * {@code data: inherit} its data.sql too, followed by its own changes.sql, so a twin that differs in
 * five rows is five lines. One level only: the dataset named by {@code like} must have its own
 * schema.sql, so what a twin runs is always visible in two folders.
 */
public final class DatasetLoader {

    private static final List<String> SCRIPTS = List.of("schema.sql", "data.sql", "changes.sql", "finalise.sql");

    /** Schema names that need no quoting, so the lab can use them as they are. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What a folder's dataset.yaml says; null lists mean "not said". */
    private record Settings(
            YamlNode yaml, String like, boolean inheritData, List<String> searchPath, List<String> extensions) {

        static final Settings NONE = new Settings(null, null, false, null, null);
    }

    public Map<String, Dataset> load(ContentFiles content, List<ContentProblem> problems) {
        Map<String, Settings> settings = new TreeMap<>();
        for (String name : folders(content)) {
            String folder = "datasets/" + name + "/";
            if (!ContentIds.isValid(name) || name.length() > 40) {
                problems.add(new ContentProblem(
                        folder,
                        "",
                        "the dataset folder name '" + name
                                + "' must be lower-case letters, digits and dashes, at most 40 characters"));
                continue;
            }
            String yamlFile = folder + "dataset.yaml";
            settings.put(
                    name,
                    content.files().containsKey(yamlFile)
                            ? settings(yamlFile, content.files().get(yamlFile), problems)
                            : Settings.NONE);
        }
        Map<String, Dataset> datasets = new TreeMap<>();
        settings.forEach((name, own) -> {
            Dataset dataset = dataset(content, name, own, settings, problems);
            if (dataset != null) {
                datasets.put(name, dataset);
            }
        });
        return datasets;
    }

    /** Folders under datasets/ with a dataset file in them (a README alone makes no dataset). */
    private static Set<String> folders(ContentFiles content) {
        Set<String> names = new TreeSet<>();
        for (String file : content.files().keySet()) {
            String[] parts = file.split("/");
            if (parts.length == 3
                    && parts[0].equals("datasets")
                    && (parts[2].endsWith(".sql") || parts[2].equals("dataset.yaml"))) {
                names.add(parts[1]);
            }
        }
        return names;
    }

    private static Settings settings(String file, String text, List<ContentProblem> problems) {
        YamlNode yaml = ContentLoader.parseYaml(file, text, problems);
        if (yaml == null) {
            return Settings.NONE;
        }
        yaml.allowOnly("like", "data", "search_path", "extensions", "description");
        String like = yaml.has("like") ? yaml.id("like") : null;
        String data = yaml.optionalText("data");
        if (data != null && !data.equals("inherit")) {
            yaml.problem(
                    "data",
                    "'" + data + "' is not allowed: the only value is inherit (reuse the like: dataset's data.sql)");
        } else if (data != null && !yaml.has("like")) {
            yaml.problem("data", "inherit needs like: <dataset>, to say whose data.sql to reuse");
        }
        String description = yaml.optionalText("description");
        if (description != null && description.contains("\n")) {
            yaml.problem("description", "must be one line");
        }
        List<String> searchPath = yaml.has("search_path") ? searchPath(yaml) : null;
        List<String> extensions = yaml.has("extensions") ? extensions(yaml) : null;
        return new Settings(yaml, like, "inherit".equals(data), searchPath, extensions);
    }

    private static List<String> searchPath(YamlNode yaml) {
        List<String> schemas = new ArrayList<>();
        for (String schema : yaml.texts("search_path")) {
            if (!SCHEMA_NAME.matcher(schema).matches() || schema.startsWith("pg_")) {
                yaml.problem(
                        "search_path",
                        "'" + schema + "' is not a schema name to use unquoted: lower-case letters, digits and"
                                + " underscores, starting with a letter or underscore, at most 63 characters, not pg_…");
            } else if (schemas.contains(schema)) {
                yaml.problem("search_path", "'" + schema + "' is listed twice");
            } else {
                schemas.add(schema);
            }
        }
        if (schemas.isEmpty() && yaml.raw("search_path") instanceof List<?>) {
            yaml.problem("search_path", "must name at least one schema, like [public]");
        }
        return schemas;
    }

    private static List<String> extensions(YamlNode yaml) {
        List<String> extensions = new ArrayList<>();
        for (String extension : yaml.texts("extensions")) {
            if (extension.equals("plpgsql")) {
                yaml.problem("extensions", "'plpgsql' is always installed: leave it out");
            } else if (!TrustedExtensions.isTrusted(extension)) {
                yaml.problem(
                        "extensions",
                        "'" + extension + "' is not a trusted extension bundled with PostgreSQL 17 (trusted: "
                                + String.join(", ", TrustedExtensions.NAMES) + ")");
            } else if (extensions.contains(extension)) {
                yaml.problem("extensions", "'" + extension + "' is listed twice");
            } else {
                extensions.add(extension);
            }
        }
        return extensions;
    }

    private static Dataset dataset(
            ContentFiles content, String name, Settings own, Map<String, Settings> all, List<ContentProblem> problems) {
        String folder = "datasets/" + name + "/";
        Map<String, String> files = content.files();
        checkScripts(content, folder, problems);

        String base = own.like() == null ? null : base(name, own, all, files);
        String baseFolder = base == null ? null : "datasets/" + base + "/";
        Settings baseSettings = base == null ? Settings.NONE : all.getOrDefault(base, Settings.NONE);

        List<Dataset.Script> scripts = new ArrayList<>();
        String schema = pick(files, folder, baseFolder, "schema.sql");
        if (schema == null) {
            if (own.like() == null) {
                problems.add(new ContentProblem(
                        folder,
                        "",
                        files.containsKey(folder + "dataset.yaml")
                                ? "needs a schema.sql, or like: <dataset> in its dataset.yaml"
                                : "needs a schema.sql"));
            }
            return null; // a bad like: is reported already
        }
        scripts.add(new Dataset.Script(schema, files.get(schema)));

        String data = folder + "data.sql";
        if (own.inheritData()) {
            data = inheritedData(own, folder, baseFolder, files);
        }
        if (data != null && files.containsKey(data)) {
            scripts.add(new Dataset.Script(data, files.get(data)));
        }
        String changes = folder + "changes.sql";
        if (files.containsKey(changes)) {
            if (own.inheritData()) {
                scripts.add(new Dataset.Script(changes, files.get(changes)));
            } else {
                problems.add(new ContentProblem(
                        changes,
                        "",
                        "runs only after an inherited data.sql: add like: <dataset> and data: inherit to " + folder
                                + "dataset.yaml (or rename it data.sql)"));
            }
        }
        String finalise = pick(files, folder, baseFolder, "finalise.sql");
        if (finalise != null) {
            scripts.add(new Dataset.Script(finalise, files.get(finalise)));
        }
        scripts.removeIf(script -> script.sql().isBlank());

        List<String> searchPath = first(own.searchPath(), baseSettings.searchPath(), List.of("public"));
        List<String> extensions = first(own.extensions(), baseSettings.extensions(), List.of());
        return Dataset.of(name, scripts, searchPath, extensions);
    }

    /** The dataset named by like:, or null (reported) when it cannot be one. */
    private static String base(String name, Settings own, Map<String, Settings> all, Map<String, String> files) {
        String like = own.like();
        Settings other = all.get(like);
        if (like.equals(name)) {
            own.yaml().problem("like", "a dataset cannot be like itself");
        } else if (other != null && other.like() != null) {
            own.yaml()
                    .problem(
                            "like",
                            "'" + like + "' is itself like '" + other.like() + "': name '" + other.like()
                                    + "' (one level only, so a twin's scripts are always in two folders)");
        } else if (!files.containsKey("datasets/" + like + "/schema.sql")) {
            own.yaml().problem("like", "'" + like + "' is not a dataset folder with its own schema.sql");
        } else {
            return like;
        }
        return null;
    }

    /** The data.sql a data: inherit dataset runs, or null (reported) when there is none. */
    private static String inheritedData(Settings own, String folder, String baseFolder, Map<String, String> files) {
        if (own.like() == null) {
            return null; // reported with the other settings
        }
        if (files.containsKey(folder + "data.sql")) {
            own.yaml()
                    .problem(
                            "data",
                            "inherit, but " + folder + "data.sql exists too: keep one (put the differences in"
                                    + " changes.sql)");
            return null;
        }
        if (baseFolder != null && !files.containsKey(baseFolder + "data.sql")) {
            own.yaml().problem("data", "inherit, but " + baseFolder + " has no data.sql");
            return null;
        }
        return baseFolder == null ? null : baseFolder + "data.sql";
    }

    /** The folder's own file, else the like: dataset's, as a path; null when neither has one. */
    private static String pick(Map<String, String> files, String folder, String baseFolder, String script) {
        if (files.containsKey(folder + script)) {
            return folder + script;
        }
        if (baseFolder != null && files.containsKey(baseFolder + script)) {
            return baseFolder + script;
        }
        return null;
    }

    private static List<String> first(List<String> own, List<String> inherited, List<String> fallback) {
        return own != null ? own : inherited != null ? inherited : fallback;
    }

    /**
     * The folder's own scripts cut into statements and COPY blocks, as the lab will: a COPY block
     * with no end, say, is a file problem, found without a database. Other .sql files would never
     * run, so they are named too (a "change.sql" typo would otherwise be silently skipped).
     */
    private static void checkScripts(ContentFiles content, String folder, List<ContentProblem> problems) {
        for (Map.Entry<String, String> file : content.files().entrySet()) {
            String path = file.getKey();
            if (!path.startsWith(folder) || !path.endsWith(".sql") || path.indexOf('/', folder.length()) >= 0) {
                continue;
            }
            String script = path.substring(folder.length());
            if (!SCRIPTS.contains(script)) {
                problems.add(new ContentProblem(
                        path,
                        "",
                        "is not a dataset script and would never run (they are: " + String.join(", ", SCRIPTS) + ")"));
            } else {
                for (DatasetSql.Problem problem :
                        DatasetSql.split(file.getValue()).problems()) {
                    problems.add(new ContentProblem(path, "line " + problem.line(), problem.message()));
                }
            }
        }
    }
}
