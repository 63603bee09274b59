package dev.mkw.dsl.ui.editor;

import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

import dev.mkw.dsl.ide.highlighting.MkwHighlighting;

/**
 * Colours for the Xtext style ids the lexical mapper and the semantic calculator produce.
 * SWT colours made from RGB need no disposal (SWT 3.115+), so they can live in a static map.
 */
public final class MkwStyles {
    private MkwStyles() {}

    private static final Map<String, TextAttribute> STYLES = Map.of(
            HighlightingStyles.KEYWORD_ID, new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD),
            HighlightingStyles.COMMENT_ID, new TextAttribute(new Color(63, 127, 95)),
            HighlightingStyles.STRING_ID, new TextAttribute(new Color(42, 0, 255)),
            HighlightingStyles.NUMBER_ID, new TextAttribute(new Color(125, 125, 125)),
            HighlightingStyles.INVALID_TOKEN_ID, new TextAttribute(new Color(200, 0, 0)),
            HighlightingStyles.DEFINITION_ID, new TextAttribute(new Color(0, 0, 192), null, SWT.BOLD),
            HighlightingStyles.TYPE_ID, new TextAttribute(new Color(0, 110, 110), null, SWT.ITALIC),
            MkwHighlighting.THREAD_REF, new TextAttribute(new Color(0, 0, 192)),
            MkwHighlighting.PROTOCOL_REF, new TextAttribute(new Color(0, 110, 110)),
            MkwHighlighting.VARIABLE, new TextAttribute(new Color(150, 80, 0)));

    /** The attribute of a style id, or null for plain text (default, punctuation, unknown ids). */
    public static TextAttribute of(String id) {
        return id == null ? null : STYLES.get(id);
    }

    /** The attribute of the last id that has one: Xtext lists the most specific style last. */
    public static TextAttribute of(String[] ids) {
        for (int i = ids.length - 1; i >= 0; i--) {
            TextAttribute a = of(ids[i]);
            if (a != null) return a;
        }
        return null;
    }
}
