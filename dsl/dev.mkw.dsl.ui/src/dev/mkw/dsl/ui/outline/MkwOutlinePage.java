package dev.mkw.dsl.ui.outline;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/**
 * The Outline view page of a scenario editor: shows the last reconciled outline and moves the
 * editor selection to an entry when it is picked.
 */
public class MkwOutlinePage extends ContentOutlinePage {
    private final Consumer<OutlineNode> reveal;
    /** The outline of the last reconcile. */
    private List<OutlineNode> input = List.of();
    /** What the tree shows: an older outline of the same shape keeps being shown (see {@link #setInput}). */
    private List<OutlineNode> shown = List.of();
    private boolean disposed;

    public MkwOutlinePage(Consumer<OutlineNode> reveal) {
        this.reveal = reveal;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object in) {
                return ((List<?>) in).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((OutlineNode) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((OutlineNode) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((OutlineNode) element).label();
            }
        });
        viewer.setAutoExpandLevel(2);
        shown = input;
        viewer.setInput(shown);
        viewer.addSelectionChangedListener(e -> {
            if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineNode n) {
                OutlineNode current = current(n);
                if (current != null) reveal.accept(current);
            }
        });
    }

    /**
     * Takes a new outline; UI thread only. While the user types, the sections usually stay the same
     * and only their offsets move: then the tree is left alone (rebuilding a 200-task tree on
     * every reconcile cost tens of milliseconds of UI time) and picks are mapped to the new offsets.
     */
    public void setInput(List<OutlineNode> nodes) {
        input = nodes;
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed() || sameShape(shown, nodes)) return;
        shown = nodes;
        viewer.setInput(nodes);
    }

    private static boolean sameShape(List<OutlineNode> a, List<OutlineNode> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).label().equals(b.get(i).label()) || !sameShape(a.get(i).children(), b.get(i).children())) return false;
        }
        return true;
    }

    /** The node of the latest outline at the place of a shown node. */
    private OutlineNode current(OutlineNode shownNode) {
        for (int i = 0; i < shown.size() && i < input.size(); i++) {
            if (shown.get(i) == shownNode) return input.get(i);
            List<OutlineNode> kids = shown.get(i).children(), now = input.get(i).children();
            for (int j = 0; j < kids.size() && j < now.size(); j++) if (kids.get(j) == shownNode) return now.get(j);
        }
        return null;
    }

    /** Public so the tree can be driven like a user would (pick an entry) from UI tests. */
    @Override
    public TreeViewer getTreeViewer() {
        return super.getTreeViewer();
    }

    @Override
    public void dispose() {
        disposed = true;
        super.dispose();
    }

    /** A page is not reusable once its Outline view closed it; the editor then makes a new one. */
    public boolean isDisposed() {
        return disposed;
    }

    /** The labels shown at the top level, for tests and for a quick look at what the page holds. */
    public List<OutlineNode> input() {
        return input;
    }
}
