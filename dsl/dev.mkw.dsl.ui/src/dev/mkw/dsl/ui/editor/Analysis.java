package dev.mkw.dsl.ui.editor;

import java.util.List;

import org.eclipse.xtext.validation.Issue;

import dev.mkw.dsl.ui.outline.OutlineNode;

/**
 * What one reconcile found in one version of the text: the document stamp it belongs to
 * (results for an older stamp are dropped), the issues, semantic style ranges and the outline.
 */
public record Analysis(long stamp, String text, List<Issue> issues, List<StyledRange> styles, List<OutlineNode> outline, long nanos) {

    /** A semantic highlighting range with its Xtext style ids (the last one wins). */
    public record StyledRange(int offset, int length, String[] styleIds) {}
}
