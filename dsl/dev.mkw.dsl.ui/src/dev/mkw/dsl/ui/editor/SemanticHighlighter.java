package dev.mkw.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension2;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;

/**
 * Semantic colouring (declarations, thread and protocol references, variables) on top of the
 * lexical one. The ranges of the last reconcile are kept as document positions, so they move
 * with the text while the user types, and are merged into every presentation the lexical
 * repairer produces; otherwise each keystroke would wipe them until the next reconcile.
 */
final class SemanticHighlighter implements ITextPresentationListener {
    private static final String CATEGORY = "dev.mkw.dsl.ui.semantic";

    /** A range that follows edits, with its colour. */
    private static final class StyledPosition extends Position {
        final TextAttribute attribute;

        StyledPosition(int offset, int length, TextAttribute attribute) {
            super(offset, length);
            this.attribute = attribute;
        }
    }

    private final ISourceViewer viewer;
    private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
    private IDocument document;

    SemanticHighlighter(ISourceViewer viewer) {
        this.viewer = viewer;
        ((ITextViewerExtension4) viewer).addTextPresentationListener(this);
    }

    /**
     * Replaces the ranges with those of a reconcile of the current text; UI thread only. Only the
     * span where old and new ranges differ is repainted: while typing, the ranges have already
     * moved with the text, so usually nothing or a few lines change (a 2000-line scenario has
     * ~1800 ranges, and repainting all of them on each reconcile cost 50-200 ms of UI time).
     */
    void apply(List<Analysis.StyledRange> ranges) {
        IDocument doc = viewer.getDocument();
        if (doc == null) return;
        attach(doc);
        List<StyledPosition> next = new ArrayList<>();
        for (Analysis.StyledRange r : ranges) {
            TextAttribute a = MkwStyles.of(r.styleIds());
            if (a != null && r.offset() + r.length() <= doc.getLength()) next.add(new StyledPosition(r.offset(), r.length(), a));
        }
        next.sort(Comparator.comparingInt((Position p) -> p.offset).thenComparingInt(p -> p.length));
        try {
            Position[] old = doc.getPositions(CATEGORY);
            IRegion changed = changedSpan(old, next);
            if (changed == null) return;
            for (Position p : old) doc.removePosition(CATEGORY, p);
            for (StyledPosition p : next) doc.addPosition(CATEGORY, p);
            ((ITextViewerExtension2) viewer).invalidateTextPresentation(changed.getOffset(), changed.getLength());
        } catch (BadLocationException | BadPositionCategoryException e) {
            // The ranges were computed for this very text (the caller checked the stamp): cannot happen.
            throw new IllegalStateException(e);
        }
    }

    /** The text span covering every range that differs between {@code old} and {@code next} (both sorted), or null when they are equal. */
    private static IRegion changedSpan(Position[] old, List<StyledPosition> next) {
        int head = 0;
        while (head < old.length && head < next.size() && same(old[head], next.get(head))) head++;
        if (head == old.length && head == next.size()) return null;
        int oldTail = old.length - 1, nextTail = next.size() - 1;
        while (oldTail >= head && nextTail >= head && same(old[oldTail], next.get(nextTail))) {
            oldTail--;
            nextTail--;
        }
        int start = Integer.MAX_VALUE, end = 0;
        for (int i = head; i <= oldTail; i++) {
            start = Math.min(start, old[i].offset);
            end = Math.max(end, old[i].offset + old[i].length);
        }
        for (int i = head; i <= nextTail; i++) {
            start = Math.min(start, next.get(i).offset);
            end = Math.max(end, next.get(i).offset + next.get(i).length);
        }
        return start > end ? null : new Region(start, end - start);
    }

    private static boolean same(Position a, StyledPosition b) {
        return a.offset == b.offset && a.length == b.length && !a.isDeleted() && a instanceof StyledPosition s && s.attribute.equals(b.attribute);
    }

    private void attach(IDocument doc) {
        if (doc == document) return;
        detach();
        document = doc;
        doc.addPositionCategory(CATEGORY);
        doc.addPositionUpdater(updater);
    }

    void detach() {
        if (document == null) return;
        try {
            document.removePositionUpdater(updater);
            document.removePositionCategory(CATEGORY);
        } catch (BadPositionCategoryException e) {
            // Already gone with its document: nothing to undo.
        }
        document = null;
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        if (document == null) return;
        IRegion extent = presentation.getExtent();
        int end = extent.getOffset() + extent.getLength();
        try {
            for (Position p : document.getPositions(CATEGORY)) {
                if (p.isDeleted() || p.getLength() == 0 || p.getOffset() + p.getLength() <= extent.getOffset() || p.getOffset() >= end) continue;
                TextAttribute a = ((StyledPosition) p).attribute;
                presentation.mergeStyleRange(new StyleRange(p.getOffset(), p.getLength(), a.getForeground(), a.getBackground(), a.getStyle()));
            }
        } catch (BadPositionCategoryException e) {
            // Category removed while a repaint was pending (editor closing): paint lexical colours only.
        }
    }

    /** The number of semantic ranges held, for tests and the measured fixture. */
    int size() {
        try {
            return document == null ? 0 : document.getPositions(CATEGORY).length;
        } catch (BadPositionCategoryException e) {
            return 0;
        }
    }
}
