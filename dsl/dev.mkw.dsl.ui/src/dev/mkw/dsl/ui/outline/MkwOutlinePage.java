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
    private List<OutlineNode> input = List.of();
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
        viewer.setInput(input);
        viewer.addSelectionChangedListener(e -> {
            if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineNode n) reveal.accept(n);
        });
    }

    /** Shows a new outline; UI thread only. The outline is rebuilt, not diffed: scenarios have tens of sections. */
    public void setInput(List<OutlineNode> nodes) {
        input = nodes;
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) viewer.setInput(nodes);
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
