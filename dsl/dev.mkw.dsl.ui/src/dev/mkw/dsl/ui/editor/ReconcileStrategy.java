package dev.mkw.dsl.ui.editor;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * Runs in the MonoReconciler's thread after the user paused typing: analyses the whole text
 * (regions do not matter, a scenario is validated as a whole) and hands the result on. The
 * reconciler cancels the monitor when the text changes again; the analysis stops early then.
 */
final class ReconcileStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
    private final Supplier<URI> uri;
    private final Consumer<Analysis> results;
    private IDocument document;
    private IProgressMonitor monitor = new NullProgressMonitor();

    ReconcileStrategy(Supplier<URI> uri, Consumer<Analysis> results) {
        this.uri = uri;
        this.results = results;
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void initialReconcile() {
        run();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        run();
    }

    @Override
    public void reconcile(IRegion partition) {
        run();
    }

    private void run() {
        IDocument doc = document;
        URI u = uri.get();
        if (doc == null || u == null) return;
        // Stamp first, then text: if an edit slips in between, the stamp is already stale and the result is dropped.
        long stamp = stamp(doc);
        String text = doc.get();
        IProgressMonitor m = monitor;
        Analysis a = Analyzer.analyze(text, stamp, u, m::isCanceled);
        if (a != null && !m.isCanceled()) results.accept(a);
    }

    static long stamp(IDocument doc) {
        return doc instanceof IDocumentExtension4 d ? d.getModificationStamp() : IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
    }
}
