package org.netverks.content;

import java.util.regex.Pattern;

/** Stable ids of tracks, lessons, cards and quiz questions: progress points at these. */
public final class ContentIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ContentIds() {}

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
