package org.netverks.discussion;

/**
 * A comment or reply form sent back with a problem: which form ({@code parentId} null for a new
 * comment), what was typed (kept), and what to change.
 */
public record PostForm(Long parentId, String body, String error) {

    public boolean isFor(Long comment) {
        return java.util.Objects.equals(parentId, comment);
    }
}
