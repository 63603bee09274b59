package dev.mkw.dsl.ui.markers;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;

import dev.mkw.dsl.validation.IssueFixes;

/**
 * Applies one {@link IssueFixes.Fix} through the file's text buffer: the very document an open
 * editor shows (the edit appears there, undoable, unsaved), or a buffer saved right away when
 * no editor has the file open. Refuses when the flagged text is no longer there, rather than
 * writing over text the user has changed since the marker was made.
 */
public final class FixResolution implements IMarkerResolution2 {
    private final IssueFixes.Fix fix;
    private final String original;

    FixResolution(IssueFixes.Fix fix, String original) {
        this.fix = fix;
        this.original = original;
    }

    @Override
    public String getLabel() {
        return fix.label();
    }

    @Override
    public String getDescription() {
        return "Replace '" + original + "' by '" + fix.replacement() + "'";
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public void run(IMarker marker) {
        try {
            apply((IFile) marker.getResource(), marker);
        } catch (CoreException | BadLocationException e) {
            throw new IllegalStateException("Quick fix '" + fix.label() + "' failed: " + e.getMessage(), e);
        }
    }

    private void apply(IFile file, IMarker marker) throws CoreException, BadLocationException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        manager.connect(path, LocationKind.IFILE, null);
        try {
            ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
            IDocument doc = buffer.getDocument();
            int offset = currentOffset(buffer.getAnnotationModel(), marker);
            if (offset < 0 || offset + original.length() > doc.getLength() || !doc.get(offset, original.length()).equals(original)) {
                throw new IllegalStateException("The text of this problem has changed since it was reported; wait for the re-validation.");
            }
            doc.replace(offset, original.length(), fix.replacement());
            // Shared = an editor holds the buffer: leave saving to the user, as for any edit.
            if (!buffer.isShared()) buffer.commit(null, true);
        } finally {
            manager.disconnect(path, LocationKind.IFILE, null);
        }
    }

    /** Where the flagged text is now: the annotation model moves marker positions with edits, the marker attribute does not. */
    private int currentOffset(IAnnotationModel model, IMarker marker) {
        if (model instanceof AbstractMarkerAnnotationModel m) {
            Position p = m.getMarkerPosition(marker);
            if (p != null && !p.isDeleted()) return p.getOffset();
        }
        return fix.offset();
    }
}
