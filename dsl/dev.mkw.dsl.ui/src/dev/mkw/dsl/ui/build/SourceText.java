package dev.mkw.dsl.ui.build;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;

/**
 * The text of a scenario as the user sees it: the editor's buffer while the file is open (so
 * builder markers and the editor's own agree, and refactoring offsets fit the buffer the edits
 * go to), the saved file otherwise.
 */
public final class SourceText {
    private SourceText() {}

    /** The text, or null when the file cannot be read. */
    public static String of(IFile file) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
        if (buffer != null) return buffer.getDocument().get();
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), file.getCharset());
        } catch (IOException | CoreException e) {
            return null;
        }
    }
}
