package org.netverks.content;

import java.util.List;
import java.util.stream.Collectors;

/** Content that must not be served: every problem found, not just the first. */
public class InvalidContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public InvalidContentException(List<ContentProblem> problems) {
        super(problems.size() + " problem(s) in the content:\n"
                + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
