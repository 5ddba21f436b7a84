package org.netverks.lab.plan;

/** One line of EXPLAIN's text output, {@code depth} indentation steps (two spaces each) deeper than its owner. */
record TextLine(int depth, String text) {

    String indented(int baseDepth) {
        return "  ".repeat(baseDepth + depth) + text;
    }
}
