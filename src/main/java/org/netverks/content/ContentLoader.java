package org.netverks.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a content folder into a {@link Catalog}, or fails with every problem found. Pure: no
 * database, no Spring, so the validate command and the tests use it directly.
 */
public final class ContentLoader {

    private static final Pattern VERSION = Pattern.compile("v\\d{8}");
    private static final String DEFAULT_INTERVIEW_TIP =
            "Can you explain this lesson in 30 seconds without reading notes?";
    private static final int WORDS_PER_MINUTE = 200;

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ExerciseLoader exerciseLoader = new ExerciseLoader(markdown);

    public Catalog load(ContentFiles content) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Dataset> datasets = new DatasetLoader().load(content, problems);
        List<Track> tracks = new ArrayList<>();
        Set<String> trackIds = new HashSet<>();
        Set<String> lessonIds = new HashSet<>();
        List<PendingLink> links = new ArrayList<>();
        for (String file : content.files().keySet()) {
            if (file.startsWith("tracks/") && file.endsWith("/track.yaml") && file.split("/").length == 3) {
                Track track = loadTrack(content, file, datasets, problems, links);
                if (track == null) {
                    continue;
                }
                if (!trackIds.add(track.id())) {
                    problems.add(
                            new ContentProblem(file, "id", "another track already has the id '" + track.id() + "'"));
                }
                track.steps().stream()
                        .map(Track.Step::id)
                        .distinct()
                        .filter(stepId -> !lessonIds.add(stepId))
                        .forEach(stepId -> problems.add(new ContentProblem(
                                file, "lessons", "the lesson id '" + stepId + "' is already used by another track")));
                tracks.add(track);
            }
        }
        if (tracks.isEmpty() && problems.isEmpty()) {
            problems.add(
                    new ContentProblem(content.origin(), "", "no tracks found (expected tracks/<track>/track.yaml)"));
        }
        checkLinks(tracks, links, problems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return new Catalog(content.origin(), tracks, datasets);
    }

    private Track loadTrack(
            ContentFiles content,
            String file,
            Map<String, Dataset> datasets,
            List<ContentProblem> problems,
            List<PendingLink> links) {
        String folder = file.substring(0, file.length() - "track.yaml".length());
        YamlNode yaml = parseYaml(file, content.files().get(file), problems);
        if (yaml == null) {
            return null;
        }
        yaml.allowOnly("id", "slug", "title", "summary", "mode", "lessons");
        String id = yaml.id("id");
        String slug = yaml.id("slug");
        String title = yaml.text("title");
        String summary = yaml.text("summary");
        LessonMode mode =
                yaml.has("mode") ? yaml.choice("mode", LessonMode.class, LessonMode::key) : LessonMode.READING;
        List<YamlNode> entries = yaml.nodes("lessons");
        if (entries.isEmpty()) {
            yaml.problem("lessons", "a track needs at least one lesson");
        }
        List<Track.Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (YamlNode entry : entries) {
            entry.allowOnly("id", "slug", "title");
            String stepId = entry.id("id");
            String stepSlug = entry.id("slug");
            String stepTitle = entry.text("title");
            if (stepId != null && !ids.add(stepId)) {
                entry.problem("id", "'" + stepId + "' is listed twice");
            }
            if (stepSlug != null && !slugs.add(stepSlug)) {
                entry.problem("slug", "'" + stepSlug + "' is listed twice");
            }
            Lesson lesson = null;
            String lessonFile = folder + "lessons/" + stepSlug + "/lesson.md";
            if (stepSlug != null && content.files().containsKey(lessonFile)) {
                lesson = loadLesson(content, lessonFile, stepId, stepSlug, mode, datasets, problems, links);
            }
            steps.add(new Track.Step(steps.size() + 1, stepId, stepSlug, stepTitle, lesson));
        }
        for (String other : content.files().keySet()) {
            String[] parts = other.substring(folder.length()).split("/");
            if (other.startsWith(folder + "lessons/") && parts.length == 3 && !slugs.contains(parts[1])) {
                problems.add(new ContentProblem(
                        other,
                        "",
                        "the lesson folder '" + parts[1] + "' is not listed in " + file
                                + " (add it to lessons: there)"));
            }
        }
        if (id == null || slug == null || title == null || summary == null) {
            return null;
        }
        return new Track(id, slug, title, summary, mode, steps);
    }

    private Lesson loadLesson(
            ContentFiles content,
            String file,
            String expectedId,
            String expectedSlug,
            LessonMode trackMode,
            Map<String, Dataset> datasets,
            List<ContentProblem> problems,
            List<PendingLink> links) {
        String source = content.files().get(file);
        FrontMatter frontMatter = FrontMatter.split(source);
        if (frontMatter == null) {
            problems.add(new ContentProblem(file, "", "must start with front matter between '---' lines"));
            return null;
        }
        YamlNode meta = parseYaml(file, frontMatter.yaml(), problems);
        if (meta == null) {
            return null;
        }
        meta.allowOnly(
                "id",
                "slug",
                "title",
                "level",
                "last_reviewed",
                "content_version",
                "mode",
                "dataset",
                "summary",
                "used_in_practice",
                "lab_sessions");
        String id = meta.id("id");
        if (id != null && !id.equals(expectedId)) {
            meta.problem("id", "'" + id + "' does not match the id '" + expectedId + "' given in track.yaml");
        }
        String slug = meta.id("slug");
        if (slug != null && !slug.equals(expectedSlug)) {
            meta.problem("slug", "'" + slug + "' does not match its folder name '" + expectedSlug + "'");
        }
        String title = meta.text("title");
        Level level = meta.choice("level", Level.class, Level::key);
        var lastReviewed = meta.date("last_reviewed");
        String version = meta.text("content_version");
        if (version != null && !VERSION.matcher(version).matches()) {
            meta.problem("content_version", "'" + version + "' is not a version like v20260528");
            version = null;
        }
        LessonMode mode = meta.has("mode") ? meta.choice("mode", LessonMode.class, LessonMode::key) : trackMode;
        String dataset = meta.optionalText("dataset");
        if (mode == LessonMode.SQL_SANDBOX && dataset == null) {
            meta.problem("dataset", "is required for a sql_sandbox lesson");
        } else if (dataset != null && !datasets.containsKey(dataset)) {
            meta.problem(
                    "dataset",
                    "'" + dataset + "' is not a folder under datasets/ with a schema.sql (have: "
                            + String.join(", ", datasets.keySet()) + ")");
        }
        if (version != null
                && lastReviewed != null
                && !version.equals("v" + lastReviewed.toString().replace("-", ""))) {
            meta.problem(
                    "content_version",
                    "'" + version + "' does not match last_reviewed " + lastReviewed + " (expected v"
                            + lastReviewed.toString().replace("-", "") + ")");
        }
        int labSessions =
                meta.nonNegativeNumber("lab_sessions", java.math.BigDecimal.ONE).intValue();
        if (labSessions != 1 && labSessions != 2) {
            meta.problem("lab_sessions", "must be 1 or 2 (how many sessions the lab opens with), not " + labSessions);
            labSessions = 1;
        } else if (labSessions == 2 && mode != LessonMode.SQL_SANDBOX) {
            meta.problem("lab_sessions", "needs a sql_sandbox lesson: only its lab has sessions");
        }
        String summary = meta.text("summary");
        String usedInPractice = meta.text("used_in_practice");

        String body = frontMatter.body();
        for (String heading : markdown.topLevelHeadings(body)) {
            problems.add(
                    new ContentProblem(
                            file,
                            "body",
                            "'# " + heading
                                    + "' is a level-1 heading: start at ## (the lesson title is the page's only level-1 heading)"));
        }
        int unlabelled = markdown.unlabelledCodeBlocks(body);
        if (unlabelled > 0) {
            problems.add(new ContentProblem(
                    file,
                    "body",
                    unlabelled
                            + " fenced code block(s) name no language: write ```sql, ```python, ```bash or ```text"));
        }
        if (body.isBlank()) {
            problems.add(new ContentProblem(file, "body", "is empty"));
        }
        MarkdownRenderer.Rendered rendered = markdown.render(body, frontMatter.bodyFirstLine());
        rendered.sqlProblems().forEach(problem -> problems.add(new ContentProblem(file, "body", problem)));
        rendered.links().forEach(link -> links.add(new PendingLink(file, "body", link)));

        String partsFile = file.substring(0, file.length() - "lesson.md".length()) + "parts.yaml";
        Lesson.Parts parts = loadParts(partsFile, content.files().get(partsFile), problems);
        String exercisesFile = file.substring(0, file.length() - "lesson.md".length()) + "exercises.yaml";
        List<Exercise> exercises = exerciseLoader.load(
                exercisesFile,
                content.files().get(exercisesFile),
                dataset,
                mode == LessonMode.SQL_SANDBOX && dataset != null,
                datasets,
                problems);
        // Reading time covers what is read straight through; quiz, cards and Q&A are worked through.
        int words = rendered.words() + MarkdownRenderer.countWords(summary == null ? "" : summary);
        int readingMinutes = Math.max(1, Math.round((float) words / WORDS_PER_MINUTE));
        if (id == null
                || slug == null
                || title == null
                || level == null
                || lastReviewed == null
                || version == null
                || summary == null
                || usedInPractice == null
                || parts == null) {
            return null;
        }
        return new Lesson(
                id,
                slug,
                title,
                level,
                lastReviewed,
                version,
                mode,
                dataset,
                markdown.renderInline(summary),
                markdown.renderInline(usedInPractice),
                rendered.html(),
                rendered.headings(),
                readingMinutes,
                parts,
                rendered.firstLabSql() == null ? "SELECT 1;\n" : rendered.firstLabSql(),
                labSessions,
                rendered.sqlBlocks(),
                exercises);
    }

    private Lesson.Parts loadParts(String file, String source, List<ContentProblem> problems) {
        if (source == null) {
            problems.add(new ContentProblem(file, "", "is missing: every lesson folder needs a parts.yaml"));
            return null;
        }
        YamlNode yaml = parseYaml(file, source, problems);
        if (yaml == null) {
            return null;
        }
        yaml.allowOnly(
                "practice_notes",
                "pitfalls",
                "interview",
                "self_check",
                "interview_tip",
                "cards",
                "quiz",
                "starter_topics");
        List<String> practice =
                yaml.texts("practice_notes").stream().map(this::blockHtml).toList();
        List<String> pitfalls =
                yaml.texts("pitfalls").stream().map(this::blockHtml).toList();
        List<Lesson.QuestionAnswer> interview = questionAnswers(yaml, "interview");
        List<Lesson.QuestionAnswer> selfCheck = questionAnswers(yaml, "self_check");
        String tip = yaml.has("interview_tip") ? yaml.optionalText("interview_tip") : DEFAULT_INTERVIEW_TIP;

        List<Lesson.Card> cards = new ArrayList<>();
        for (YamlNode card : uniqueIds(yaml.nodes("cards"))) {
            card.allowOnly("id", "front", "back");
            String id = card.id("id");
            String front = card.text("front");
            String back = card.text("back");
            if (id != null && front != null && back != null) {
                cards.add(new Lesson.Card(id, markdown.renderInline(front), blockHtml(back)));
            }
        }
        List<Lesson.QuizQuestion> quiz = new ArrayList<>();
        for (YamlNode question : uniqueIds(yaml.nodes("quiz"))) {
            Lesson.QuizQuestion parsed = quizQuestion(question);
            if (parsed != null) {
                quiz.add(parsed);
            }
        }
        List<String> topics = yaml.texts("starter_topics");
        return new Lesson.Parts(practice, pitfalls, interview, selfCheck, tip, cards, quiz, topics);
    }

    private Lesson.QuizQuestion quizQuestion(YamlNode question) {
        question.allowOnly("id", "question", "choices");
        String id = question.id("id");
        String text = question.text("question");
        List<YamlNode> choiceNodes = uniqueIds(question.nodes("choices"));
        if (choiceNodes.size() < 2 || choiceNodes.size() > 6) {
            question.problem("choices", "needs 2 to 6 choices, has " + choiceNodes.size());
        }
        List<Lesson.QuizChoice> choices = new ArrayList<>();
        int correct = 0;
        for (YamlNode choice : choiceNodes) {
            choice.allowOnly("id", "text", "correct", "explanation");
            String choiceId = choice.id("id");
            String choiceText = choice.text("text");
            boolean isCorrect = choice.flag("correct");
            String explanation = choice.text("explanation");
            correct += isCorrect ? 1 : 0;
            if (choiceId != null && choiceText != null && explanation != null) {
                choices.add(new Lesson.QuizChoice(
                        choiceId, markdown.renderInline(choiceText), isCorrect, blockHtml(explanation)));
            }
        }
        if (correct != 1 && !choiceNodes.isEmpty()) {
            question.problem("choices", "exactly one choice must have correct: true (found " + correct + ")");
        }
        if (id == null || text == null || choices.size() != choiceNodes.size()) {
            return null;
        }
        return new Lesson.QuizQuestion(id, blockHtml(text), choices);
    }

    private List<Lesson.QuestionAnswer> questionAnswers(YamlNode yaml, String field) {
        List<Lesson.QuestionAnswer> result = new ArrayList<>();
        for (YamlNode item : yaml.nodes(field)) {
            item.allowOnly("q", "a");
            String question = item.text("q");
            String answer = item.text("a");
            if (question != null && answer != null) {
                result.add(new Lesson.QuestionAnswer(markdown.renderInline(question), blockHtml(answer)));
            }
        }
        return result;
    }

    /** Items of a list whose ids repeat are reported; all are returned so their fields are checked too. */
    static List<YamlNode> uniqueIds(List<YamlNode> nodes) {
        Map<String, YamlNode> seen = new LinkedHashMap<>();
        for (YamlNode node : nodes) {
            Object id = node.has("id") ? node.optionalText("id") : null;
            if (id != null && seen.putIfAbsent(id.toString(), node) != null) {
                node.problem("id", "'" + id + "' is used twice in this list");
            }
        }
        return nodes;
    }

    private String blockHtml(String markdownText) {
        return markdown.render(markdownText).html();
    }

    static YamlNode parseYaml(String file, String text, List<ContentProblem> problems) {
        try {
            LoaderOptions options = new LoaderOptions();
            Object root = new Yaml(
                            new SafeConstructor(options),
                            new Representer(new DumperOptions()),
                            new DumperOptions(),
                            options,
                            new OnlyTrueFalseResolver())
                    .load(text);
            if (root instanceof Map<?, ?> map) {
                return new YamlNode(file, "", map, problems);
            }
            problems.add(new ContentProblem(file, "", "must be a YAML mapping of fields"));
        } catch (YAMLException e) {
            problems.add(new ContentProblem(
                    file, "", "is not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        return null;
    }

    /**
     * YAML 1.1 reads on, off, yes, no, y and n as booleans, so a key "on:" or a country "NO"
     * would silently change meaning; like YAML 1.2, only true and false are booleans here.
     */
    private static final class OnlyTrueFalseResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            super.addImplicitResolvers();
        }

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.BOOL.equals(tag) || regexp.pattern().startsWith("^(?:true|")) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private record PendingLink(String file, String field, String href) {}

    /** Links to other lessons ("/tracks/postgresql/joins") must lead somewhere. */
    private static void checkLinks(List<Track> tracks, List<PendingLink> links, List<ContentProblem> problems) {
        Set<String> targets = new HashSet<>();
        Function<Track, String> base = track -> "/tracks/" + track.slug();
        for (Track track : tracks) {
            targets.add(base.apply(track));
            track.steps().forEach(step -> targets.add(base.apply(track) + "/" + step.slug()));
        }
        for (PendingLink link : links) {
            if (link.href().startsWith("/tracks/")) {
                String path = link.href().replaceAll("[#?].*$", "").replaceAll("/$", "");
                if (!targets.contains(path)) {
                    problems.add(new ContentProblem(
                            link.file(), link.field(), "the link '" + link.href() + "' leads to no track or lesson"));
                }
            }
        }
    }
}
