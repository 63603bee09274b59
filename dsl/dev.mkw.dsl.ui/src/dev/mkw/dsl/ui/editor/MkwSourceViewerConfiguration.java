package dev.mkw.dsl.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

import dev.mkw.dsl.ui.assist.MarkerQuickAssistProcessor;
import dev.mkw.dsl.ui.assist.MkwCompletionProcessor;
import dev.mkw.dsl.ui.navigation.MkwHyperlinkDetector;

/** Wires the language services into the source viewer of a {@link MkwEditor}. */
final class MkwSourceViewerConfiguration extends TextSourceViewerConfiguration {
    /** Re-validation waits for this pause in typing. */
    static final int RECONCILE_DELAY_MS = 300;

    private final MkwEditor editor;

    MkwSourceViewerConfiguration(MkwEditor editor, IPreferenceStore store) {
        super(store);
        this.editor = editor;
    }

    @Override
    public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
        return MkwPartitions.PARTITIONING;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return MkwPartitions.CONTENT_TYPES.clone();
    }

    /** Code is lexed line by line within its partition; comments and strings are coloured as a whole. */
    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(MkwPartitions.PARTITIONING);
        DefaultDamagerRepairer code = new DefaultDamagerRepairer(new LexicalScanner());
        reconciler.setDamager(code, IDocument.DEFAULT_CONTENT_TYPE);
        reconciler.setRepairer(code, IDocument.DEFAULT_CONTENT_TYPE);
        uniform(reconciler, MkwPartitions.COMMENT, HighlightingStyles.COMMENT_ID);
        uniform(reconciler, MkwPartitions.LINE_COMMENT, HighlightingStyles.COMMENT_ID);
        uniform(reconciler, MkwPartitions.STRING, HighlightingStyles.STRING_ID);
        return reconciler;
    }

    private static void uniform(PresentationReconciler reconciler, String contentType, String styleId) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(MkwStyles.of(styleId)));
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(dr, contentType);
        reconciler.setRepairer(dr, contentType);
    }

    @Override
    public IReconciler getReconciler(ISourceViewer sourceViewer) {
        MonoReconciler reconciler = new MonoReconciler(new ReconcileStrategy(editor::resourceUri, editor::reconciled), false);
        reconciler.setDelay(RECONCILE_DELAY_MS);
        return reconciler;
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        // Asynchronous: proposals are computed in a worker thread, the UI stays responsive while parsing.
        ContentAssistant assistant = new ContentAssistant(true);
        assistant.setContentAssistProcessor(new MkwCompletionProcessor(editor::resourceUri), IDocument.DEFAULT_CONTENT_TYPE);
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        assistant.enableAutoInsert(false);
        return assistant;
    }

    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(new MarkerQuickAssistProcessor());
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
        return new MkwTextHover(editor::resourceUri);
    }

    @Override
    public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
        return new IHyperlinkDetector[] {new MkwHyperlinkDetector(editor, editor::resourceUri)};
    }
}
