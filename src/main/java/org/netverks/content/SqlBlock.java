package org.netverks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code ```sql} block of a lesson body, with what its fence line says about it, so that
 * content CI can run it as a learner would: {@code rows=N} (its last statement returns N rows),
 * {@code error} (it fails on purpose), {@code outside-lab} (it is meant for the learner's own
 * server: CI skips it and the page offers no "Try in lab"), and {@code plan=Hash-Anti-Join} /
 * {@code no-plan=CTE-Scan} (the plan its last statement EXPLAINs has, or has no, node or detail
 * line that starts so, like {@code Run-Condition}; a hyphen stands for a space). {@code line} is
 * the fence's line in lesson.md, for messages.
 */
public record SqlBlock(
        int line,
        String sql,
        Integer expectedRows,
        boolean mustFail,
        boolean outsideLab,
        List<String> planHas,
        List<String> planLacks) {

    static final String KNOWN = "known: rows=N, error, outside-lab, plan=Node-Name, no-plan=Node-Name";

    private static final Pattern ROWS = Pattern.compile("rows=\\d{1,9}");
    private static final Pattern PLAN = Pattern.compile("(no-)?plan=([A-Za-z][A-Za-z0-9_:.=()-]*)");

    public SqlBlock {
        planHas = List.copyOf(planHas);
        planLacks = List.copyOf(planLacks);
    }

    /** A block that states nothing about a plan. */
    public SqlBlock(int line, String sql, Integer expectedRows, boolean mustFail, boolean outsideLab) {
        this(line, sql, expectedRows, mustFail, outsideLab, List.of(), List.of());
    }

    /** Whether the fence states something about the plan of the block's last statement. */
    public boolean statesPlan() {
        return !planHas.isEmpty() || !planLacks.isEmpty();
    }

    /** Whether a fence's info string names SQL as the block's language (its first word). */
    static boolean isSql(String info) {
        return info != null && "sql".equals(words(info).get(0));
    }

    /**
     * Reads the annotations after {@code sql}; each word it does not understand goes into
     * {@code problems} as "line N: …" (N is {@code line}, the fence's line in lesson.md).
     */
    static SqlBlock parse(String info, String sql, int line, List<String> problems) {
        Integer rows = null;
        boolean error = false;
        boolean outsideLab = false;
        List<String> planHas = new ArrayList<>();
        List<String> planLacks = new ArrayList<>();
        List<String> words = words(info);
        for (String word : words.subList(1, words.size())) {
            if (word.equals("error")) {
                error = true;
            } else if (word.equals("outside-lab")) {
                outsideLab = true;
            } else if (ROWS.matcher(word).matches()) {
                rows = Integer.valueOf(word.substring("rows=".length()));
            } else if (PLAN.matcher(word).matches()) {
                String node = word.substring(word.indexOf('=') + 1).replace('-', ' ');
                (word.startsWith("no-") ? planLacks : planHas).add(node);
            } else if (word.startsWith("rows=")) {
                problems.add("line " + line + ": '" + word
                        + "' on a sql block needs a whole number of rows, like rows=12 (" + KNOWN + ")");
            } else {
                problems.add("line " + line + ": unknown annotation '" + word + "' on a sql block (" + KNOWN + ")");
            }
        }
        if (error && rows != null) {
            problems.add(
                    "line " + line + ": a sql block marked error returns no rows: drop rows=" + rows + " or error");
            rows = null;
        }
        if (error && (!planHas.isEmpty() || !planLacks.isEmpty())) {
            problems.add("line " + line + ": a sql block marked error has no plan: drop plan=… or error");
        }
        return new SqlBlock(line, sql, rows, error, outsideLab, planHas, planLacks);
    }

    private static List<String> words(String info) {
        return List.of(info.strip().split("\\s+"));
    }
}
