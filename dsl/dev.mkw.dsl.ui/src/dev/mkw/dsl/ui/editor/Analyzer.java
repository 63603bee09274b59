package dev.mkw.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.outline.OutlineBuilder;

/**
 * Parse, validate, compute semantic highlighting and the outline for one version of the text.
 * Runs in the reconciler thread; touches no UI and no workspace state.
 */
public final class Analyzer {
    private Analyzer() {}

    /** Returns null when cancelled (the text changed again meanwhile). */
    public static Analysis analyze(String text, long stamp, URI uri, CancelIndicator cancel) {
        long start = System.nanoTime();
        XtextResource resource = MkwLanguage.parse(text, uri);
        if (cancel.isCanceled()) return null;
        List<Issue> issues = MkwLanguage.get(IResourceValidator.class).validate(resource, CheckMode.ALL, cancel);
        if (cancel.isCanceled()) return null;
        List<Analysis.StyledRange> styles = new ArrayList<>();
        MkwLanguage.get(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
                (offset, length, ids) -> styles.add(new Analysis.StyledRange(offset, length, ids)), cancel);
        if (cancel.isCanceled()) return null;
        var outline = OutlineBuilder.build(resource);
        return new Analysis(stamp, text, List.copyOf(issues), styles, outline, System.nanoTime() - start);
    }
}
