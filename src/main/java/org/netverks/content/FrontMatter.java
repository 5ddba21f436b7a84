package org.netverks.content;

/** A Markdown file split into its YAML front matter and its body. */
record FrontMatter(String yaml, String body) {

    /** The line of the file the body starts on: after the opening '---', the YAML and the closing '---'. */
    int bodyFirstLine() {
        return (int) yaml.chars().filter(c -> c == '\n').count() + 3;
    }

    static FrontMatter split(String source) {
        String text = source.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            return text.endsWith("\n---") ? new FrontMatter(text.substring(4, text.length() - 4), "") : null;
        }
        return new FrontMatter(text.substring(4, end + 1), text.substring(end + 5));
    }
}
