package dev.mkw.dsl.ui.editor;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;

import dev.mkw.dsl.ui.MkwLanguage;

/**
 * Format (Ctrl+Shift+F) with the runtime's formatter. Text with syntax errors is left alone:
 * the formatter works on the node model, and a broken parse could make it move or drop text.
 */
public final class ScenarioFormatter {
    private ScenarioFormatter() {}

    /** The edits that format {@code text}, or null when it has syntax errors. */
    public static MultiTextEdit edits(String text, URI uri) {
        XtextResource resource = MkwLanguage.parse(text, uri);
        if (!resource.getErrors().isEmpty() || resource.getContents().isEmpty()) return null;
        ITextRegionAccess access = MkwLanguage.get(TextRegionAccessBuilder.class).forNodeModel(resource).create();
        FormatterRequest request = MkwLanguage.get(FormatterRequest.class);
        request.setTextRegionAccess(access);
        request.setAllowIdentityEdits(false);
        // The examples and the documentation indent by four spaces; Xtext's default would be a tab.
        request.setPreferences(new MapBasedPreferenceValues(Map.of(FormatterPreferenceKeys.indentation.getId(), "    ")));
        List<ITextReplacement> replacements = MkwLanguage.get(IFormatter2.class).format(request);
        MultiTextEdit edit = new MultiTextEdit();
        for (ITextReplacement r : replacements) edit.addChild(new ReplaceEdit(r.getOffset(), r.getLength(), r.getReplacementText()));
        return edit;
    }

    /** Formats the document in place; returns false (and changes nothing) when it has syntax errors. */
    public static boolean format(IDocument document, URI uri) {
        MultiTextEdit edit = edits(document.get(), uri);
        if (edit == null) return false;
        try {
            edit.apply(document);
        } catch (MalformedTreeException | BadLocationException e) {
            // The edits were computed from this document's current text on this thread: a bug if it happens.
            throw new IllegalStateException("formatter produced overlapping edits", e);
        }
        return true;
    }
}
