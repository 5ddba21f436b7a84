package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The invariants of ARCHITECTURE.md, checked on the source. Every check reads code with comments and
 * string literals removed, so it sees imports and fully qualified names alike and ignores Javadoc.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/org/netverks");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:org\\.netverks|io\\.zonky)(?:\\s*\\.\\s*[\\w*]+)+");
    private static final List<String> FEATURES = List.of("content", "lab", "learner", "discussion");

    @Test
    void platformDependsOnNoFeatureAndNotOnWeb() {
        List<String> forbidden = new ArrayList<>(FEATURES);
        forbidden.add("web");
        assertThat(violations("platform", forbidden)).isEmpty();
    }

    @Test
    void webDependsOnNoFeature() {
        assertThat(violations("web", FEATURES)).isEmpty();
    }

    @Test
    void contentDependsOnNoOtherFeature() {
        assertThat(violations("content", List.of("lab", "learner", "discussion")))
                .isEmpty();
    }

    @Test
    void learnerBuildsOnContentAndWebOnly() {
        assertThat(violations("learner", List.of("lab", "discussion"))).isEmpty();
    }

    @Test
    void nothingButTheDiscussionDependsOnIt() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (!file.startsWith(ROOT.resolve("discussion"))) {
                references(file).stream()
                        .filter(r -> r.startsWith("org.netverks.discussion."))
                        .forEach(r -> found.add(file + " refers to " + r));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theDiscussionBuildsOnContentLearnerAndWebOnly() {
        assertThat(violations("discussion", List.of("lab", "platform"))).isEmpty();
        Set<String> allowed = Set.of(
                "org.netverks.learner.CurrentLearner",
                "org.netverks.learner.AccountData",
                "org.netverks.learner.EmailNotVerifiedException");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("discussion"))) {
            references(file).stream()
                    .filter(r -> r.startsWith("org.netverks.learner."))
                    .filter(r -> allowed.stream().noneMatch(a -> r.equals(a) || r.startsWith(a + ".")))
                    .forEach(r -> found.add(file + " refers to " + r));
        }
        assertThat(found).isEmpty();
    }

    /** The lab knows who is signed in and keeps their attempts through one class; the rest of learner is not its business. */
    @Test
    void theLabUsesOnlyCurrentLearnerAndExerciseAttemptsOfLearner() {
        Set<String> allowed = Set.of("org.netverks.learner.CurrentLearner", "org.netverks.learner.ExerciseAttempts");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("lab"))) {
            references(file).stream()
                    .filter(r -> r.startsWith("org.netverks.learner."))
                    .filter(r -> allowed.stream().noneMatch(a -> r.equals(a) || r.startsWith(a + ".")))
                    .forEach(r -> found.add(file + " refers to " + r));
        }
        assertThat(found).isEmpty();
    }

    /** Spring Security's configuration types are used only in {@code web} and in {@code SecurityRules} implementations. */
    @Test
    void featuresAddSecurityRulesOnlyThroughSecurityRules() {
        Pattern springSecurity =
                Pattern.compile("\\b(?:HttpSecurity|SecurityFilterChain|AuthorizeHttpRequestsConfigurer)\\b");
        Pattern implementsRules = Pattern.compile("\\bimplements\\s+(?:org\\.netverks\\.web\\.)?SecurityRules\\b");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            String code = code(file);
            if (!file.startsWith(ROOT.resolve("web"))
                    && springSecurity.matcher(code).find()
                    && !implementsRules.matcher(code).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theLabsPartsDoNotDependOnEachOther() {
        assertThat(violations("lab/run", List.of("lab.psql", "lab.plan", "lab.sandbox")))
                .isEmpty();
        assertThat(violations("lab/psql", List.of("lab.run", "lab.plan", "lab.sandbox")))
                .isEmpty();
        assertThat(violations("lab/plan", List.of("lab.run", "lab.psql", "lab.sandbox")))
                .isEmpty();
        assertThat(violations("lab/sandbox", List.of("lab.run", "lab.psql", "lab.plan")))
                .isEmpty();
        assertThat(violations("lab/exercise", List.of("lab.psql", "lab.plan", "web")))
                .isEmpty();
        for (String part : List.of("lab/run", "lab/psql", "lab/plan", "lab/sandbox")) {
            assertThat(violations(part, List.of("lab.exercise"))).as(part).isEmpty();
        }
        assertThat(violations("lab/shared", List.of("lab.run", "lab.psql", "lab.plan", "lab.sandbox", "lab.exercise")))
                .isEmpty();
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("lab/shared"))) {
            references(file).stream()
                    .filter(r -> r.matches("org\\.netverks\\.lab\\.[A-Z*].*"))
                    .forEach(r -> found.add(file + " refers to " + r));
        }
        assertThat(found).as("lab.shared refers to nothing of the lab").isEmpty();
    }

    @Test
    void theGraderDoesNotDependOnTheLabsWebLayer() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("lab/exercise"))) {
            references(file).stream()
                    .filter(r -> r.matches("org\\.netverks\\.lab\\.[A-Z*].*"))
                    .forEach(r -> found.add(file + " refers to " + r));
        }
        assertThat(found).isEmpty();
    }

    /**
     * Proxy for "learner SQL runs only through {@code SandboxConnection}": JDBC connections are opened only by
     * {@code lab.run.SandboxConnection} (as a sandbox's role), {@code lab.sandbox.AdminConnections} (admin) and
     * {@code platform}; nothing else builds a data source.
     */
    @Test
    void onlySandboxConnectionAdminConnectionsAndPlatformOpenConnections() {
        Pattern opens = Pattern.compile(
                "\\bDriverManager\\b|\\.getConnection\\s*\\(|\\b(?:PGSimpleDataSource|PGConnectionPoolDataSource"
                        + "|PgConnection|HikariDataSource|HikariConfig|DataSourceBuilder|DriverManagerDataSource|SimpleDriverDataSource)\\b");
        Set<Path> allowed = Set.of(
                ROOT.resolve("lab/run/SandboxConnection.java"), ROOT.resolve("lab/sandbox/AdminConnections.java"));
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (!allowed.contains(file)
                    && !file.startsWith(ROOT.resolve("platform"))
                    && opens.matcher(code(file)).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * The sandbox connection is not public: outside {@code lab.sandbox} (the admin's connections), only
     * {@code lab.run.SandboxConnection} holds a JDBC connection, statement or result set, or names the
     * driver's internal types, so everything sent to a sandbox goes through its bounded paths.
     */
    @Test
    void onlySandboxConnectionHoldsASandboxConnection() {
        Pattern jdbc = Pattern.compile("\\bjava\\s*\\.\\s*sql\\s*\\.\\s*(?:\\*|Connection\\b|Statement\\b"
                + "|PreparedStatement\\b|ResultSet\\b)|\\borg\\s*\\.\\s*postgresql\\s*\\.\\s*core\\b");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("lab"))) {
            if (!file.startsWith(ROOT.resolve("lab/sandbox"))
                    && !file.equals(ROOT.resolve("lab/run/SandboxConnection.java"))
                    && jdbc.matcher(code(file)).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onlyPlatformTouchesTheEmbeddedServerLibrary() {
        Pattern zonky = Pattern.compile("\\bio\\s*\\.\\s*zonky\\b|\\bEmbeddedPostgres\\b");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (!file.startsWith(ROOT.resolve("platform"))
                    && zonky.matcher(code(file)).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * Proxy for "platform SQL is parameterised": the SQL given to {@code JdbcClient.sql(...)} and to
     * {@code prepareStatement(...)} is built only from string literals and constants (UPPER_CASE names), so
     * values can only come in as parameters. Statements with concatenated names (DDL, which cannot take
     * parameters) are allowed only in {@code lab.sandbox} and {@code platform}; learner text in {@code lab.run}.
     */
    @Test
    void platformSqlIsBuiltFromLiteralsAndConstantsOnly() {
        Pattern call = Pattern.compile(
                "\\.(sql|prepareStatement|prepareCall|execute|executeQuery|executeUpdate|addBatch)\\s*\\(");
        Pattern operand = Pattern.compile("\"\"|[A-Z][A-Z0-9_]*(?:\\.[A-Z][A-Z0-9_]*)?|[A-Z]\\w*\\.[A-Z][A-Z0-9_]*");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            boolean ddlAllowed = file.startsWith(ROOT.resolve("lab/sandbox"))
                    || file.startsWith(ROOT.resolve("lab/run"))
                    || file.startsWith(ROOT.resolve("platform"));
            String code = code(file);
            Matcher matcher = call.matcher(code);
            while (matcher.find()) {
                String argument = firstArgument(code, matcher.end());
                if (!argument.contains("+")) {
                    continue;
                }
                boolean literalOnly = Stream.of(argument.split("\\+"))
                        .map(String::strip)
                        .allMatch(o -> operand.matcher(o).matches());
                if (!literalOnly && (matcher.group(1).equals("sql") || !ddlAllowed)) {
                    found.add(file + ": ." + matcher.group(1) + "(" + argument + ")");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * {@code $unsafe} only for names ending in {@code Html}: a {@code ...Html()} field, or a template variable
     * named {@code ...Html} that is a loop variable over, or a local taken from, a {@code ...Html()} field. A
     * template parameter may not be named {@code ...Html}: a section takes the record, not loose HTML.
     */
    @Test
    void rawHtmlOnlyForHtmlFields() {
        Pattern unsafe = Pattern.compile("\\$unsafe\\{([^}]*)}");
        Pattern htmlName = Pattern.compile("(?:\\w+(?:\\(\\))?\\.)*\\w+Html(?:\\(\\))?");
        Pattern htmlField = Pattern.compile("(?:\\w+(?:\\(\\))?\\.)*\\w+Html\\(\\)");
        Pattern declaration =
                Pattern.compile("@for\\s*\\(\\s*(?:final\\s+)?[\\w<>.]+\\s+(\\w+Html)\\s*:|\\bvar\\s+(\\w+Html)\\s*=");
        Pattern param = Pattern.compile("(?m)^@param\\s.*\\s(\\w+Html)\\s*(?:=.*)?$");
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String text = read(template);
            Matcher matcher = unsafe.matcher(text);
            while (matcher.find()) {
                if (!htmlName.matcher(matcher.group(1).strip()).matches()) {
                    found.add(template + ": $unsafe{" + matcher.group(1) + "}");
                }
            }
            Matcher declared = declaration.matcher(text);
            while (declared.find()) {
                String name = declared.group(1) != null ? declared.group(1) : declared.group(2);
                String source = firstArgument(text, declared.end()).replaceFirst("(?s);.*", "");
                if (!htmlField.matcher(source).matches()) {
                    found.add(template + ": " + name + " is taken from " + source);
                }
            }
            Matcher params = param.matcher(text);
            while (params.find()) {
                found.add(template + ": @param " + params.group(1));
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * A feature's API and discussion paths are written only in that feature's templates (the lesson page
     * composes them, it does not spell them): {@code /api/lab/} in {@code lab/}, {@code /api/quiz/} in
     * {@code content/}, {@code /api/progress} in {@code learner/}, {@code /discussion} in {@code discussion/}.
     */
    @Test
    void aFeaturesPathsAreWrittenOnlyInItsTemplates() {
        Map<String, String> owners = Map.of(
                "/api/lab/", "lab", "/api/quiz/", "content", "/api/progress", "learner", "/discussion", "discussion");
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String text = read(template);
            owners.forEach((path, feature) -> {
                // the page that composes a feature's section also loads its script, /js/discussion.js
                boolean written = Pattern.compile(Pattern.quote(path) + "(?!\\.js)")
                        .matcher(text)
                        .find();
                if (written && !template.startsWith(TEMPLATES.resolve(feature))) {
                    found.add(template + " writes " + path + ", a path of " + feature);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    /** Every JSON error is an {@code web.ApiError} written by {@code web.ApiErrors}: no hand-made bodies. */
    @Test
    void jsonErrorsAreWrittenOnlyByApiErrors() throws IOException {
        Pattern handMade = Pattern.compile("\\\\\"status\\\\\"|\"status\",\\s*[^,]+,\\s*\"error\"|put\\(\"status\"");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (handMade.matcher(Files.readString(file)).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * One way to render a page: every page template (one that uses the layout, or one Java names by
     * its file, outside {@code layout/}) takes exactly {@code PageContext context} and one typed model {@code page}, never a map.
     */
    @Test
    void everyPageTakesTheContextAndOneTypedPage() throws IOException {
        Pattern param = Pattern.compile("(?m)^@param\\s+(.+?)\\s*$");
        Pattern named = Pattern.compile("\"([\\w/-]+\\.jte)\"");
        Set<Path> pages = new HashSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template :
                    files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                if (Files.readString(template).contains("@template.layout.page(")) {
                    pages.add(template);
                }
            }
        }
        for (Path file : javaFiles(ROOT)) {
            Matcher matcher = named.matcher(Files.readString(file));
            while (matcher.find()) {
                if (!matcher.group(1).startsWith("layout/")) { // the layout's own parts (the import map)
                    pages.add(TEMPLATES.resolve(matcher.group(1)));
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (Path page : pages) {
            List<String> params = new ArrayList<>();
            Matcher matcher = param.matcher(Files.readString(page));
            while (matcher.find()) {
                params.add(matcher.group(1));
            }
            if (params.size() != 2
                    || !params.get(0).equals("PageContext context")
                    || !params.get(1).matches("[\\w.]+ page")
                    || params.get(1).matches("(java\\.util\\.)?Map\\b.*")) {
                found.add(page + ": " + params);
            }
        }
        assertThat(pages).isNotEmpty();
        assertThat(found).isEmpty();
    }

    /** Controllers share helpers through {@code web} or their feature's services, not each other's statics. */
    @Test
    void controllersDoNotReferToOtherControllers() {
        Map<String, Path> controllers = new HashMap<>();
        for (Path file : javaFiles(ROOT)) {
            String name = file.getFileName().toString().replace(".java", "");
            if (name.endsWith("Controller")) {
                controllers.put(name, file);
            }
        }
        List<String> found = new ArrayList<>();
        controllers.forEach((name, file) -> {
            String code = code(file);
            for (String other : controllers.keySet()) {
                if (!other.equals(name)
                        && Pattern.compile("\\b" + other + "\\b").matcher(code).find()) {
                    found.add(file + " refers to " + other);
                }
            }
        });
        assertThat(controllers).isNotEmpty();
        assertThat(found).isEmpty();
    }

    private static List<String> violations(String from, List<String> forbidden) {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve(from))) {
            for (String reference : references(file)) {
                for (String target : forbidden) {
                    if (reference.startsWith("org.netverks." + target + ".")) {
                        found.add(file + " refers to " + reference);
                    }
                }
            }
        }
        return found;
    }

    /** Imports and fully qualified names of this project and of zonky, in code (not comments or strings). */
    static List<String> references(Path file) {
        Matcher matcher = REFERENCE.matcher(code(file));
        List<String> references = new ArrayList<>();
        while (matcher.find()) {
            references.add(matcher.group().replaceAll("\\s+", ""));
        }
        return references;
    }

    /** The file's text with comments removed and every string, text block and char literal made {@code ""}. */
    static String code(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? text.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append("\"\"");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The first argument of a call whose opening parenthesis ends just before {@code start}. */
    private static String firstArgument(String code, int start) {
        int depth = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0) {
                return code.substring(start, i).strip();
            }
        }
        return code.substring(start).strip();
    }

    private static List<Path> templates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
