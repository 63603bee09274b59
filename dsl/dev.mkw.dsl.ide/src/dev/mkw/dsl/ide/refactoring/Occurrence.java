package dev.mkw.dsl.ide.refactoring;

import org.eclipse.emf.common.util.URI;

/**
 * Where a declaration's name is spelled: its declaration or one reference to it (for a task or
 * protocol also the qualifier in a reference to one of its threads or messages). {@code text}
 * is the whole file's text, so callers can report lines without reading the file again.
 */
public record Occurrence(URI file, int offset, int length, boolean declaration, String text) {

    /** One-based line of the occurrence. */
    public int line() {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** Zero-based column of the occurrence in its line. */
    public int column() {
        int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        return offset - start;
    }

    /** The text of the occurrence's line, trimmed. */
    public String lineText() {
        int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        int end = text.indexOf('\n', offset);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }
}
