package dev.mkw.dsl.ui.editor;

import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.ForwardingDocumentProvider;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.core.runtime.CoreException;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;

import dev.mkw.dsl.ui.markers.ProblemMarkers;
import dev.mkw.dsl.ui.refactoring.DeclarationAt;
import dev.mkw.dsl.ui.refactoring.FindReferences;
import dev.mkw.dsl.ui.refactoring.RenameScenarioElement;
import dev.mkw.dsl.ui.refactoring.RenameWizard;
import dev.mkw.dsl.ui.markers.SavedFileValidation;
import dev.mkw.dsl.ui.navigation.Definitions;
import dev.mkw.dsl.ui.navigation.Navigator;
import dev.mkw.dsl.ui.outline.MkwOutlinePage;

/**
 * The .mkw editor: a plain text editor (the file is only ever changed by the user's edits,
 * format and quick fixes; bad input yields markers, never a refused or rewritten file) with
 * lexical and semantic colouring, problems as markers while typing, Ctrl+Space proposals,
 * hovers, Ctrl+Shift+F format, F3 / Ctrl+click to declarations, Ctrl+1 fixes, an outline, and
 * workspace-wide Find References (Ctrl+Shift+G) and Rename (Alt+Shift+R).
 */
public class MkwEditor extends TextEditor {
    public static final String ID = "dev.mkw.dsl.ui.editor";
    /** Key binding context of the editor: a child of the text editor context, holding F3 and Ctrl+Shift+F. */
    public static final String CONTEXT = "dev.mkw.dsl.ui.editorScope";
    public static final String FORMAT_COMMAND = "dev.mkw.dsl.ui.format";
    public static final String OPEN_DECLARATION_COMMAND = "dev.mkw.dsl.ui.openDeclaration";
    public static final String FIND_REFERENCES_COMMAND = "dev.mkw.dsl.ui.findReferences";
    public static final String RENAME_COMMAND = "dev.mkw.dsl.ui.rename";

    private static final ResourceBundle MESSAGES = new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"ContentAssistProposal.label", "Content Assist"}, {"ContentAssistProposal.tooltip", "Content Assist"}};
        }
    };

    private volatile URI resourceUri;
    private volatile Analysis lastAnalysis;
    private volatile long lastUiNanos;
    private SemanticHighlighter semantic;
    private MkwOutlinePage outline;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        // Files, external files and anything else opened in this editor get the scenario partitioning before the viewer sees them.
        setDocumentProvider(new ForwardingDocumentProvider(MkwPartitions.PARTITIONING, new MkwPartitions(), new TextFileDocumentProvider()));
        setSourceViewerConfiguration(new MkwSourceViewerConfiguration(this, getPreferenceStore()));
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] {CONTEXT});
    }

    @Override
    protected void doSetInput(IEditorInput input) throws CoreException {
        resourceUri = uriOf(input);
        super.doSetInput(input);
    }

    private static URI uriOf(IEditorInput input) {
        if (input instanceof IFileEditorInput f) return URI.createPlatformResourceURI(f.getFile().getFullPath().toString(), true);
        if (input instanceof IURIEditorInput u) return URI.createURI(u.getURI().toString());
        return null;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        semantic = new SemanticHighlighter(getSourceViewer());
    }

    @Override
    protected void createActions() {
        super.createActions();
        ContentAssistAction assist = new ContentAssistAction(MESSAGES, "ContentAssistProposal.", this);
        assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
        setAction("ContentAssistProposal", assist);
        markAsStateDependentAction("ContentAssistProposal", true);

        Action format = new Action("Format") {
            @Override
            public void run() {
                formatDocument();
            }
        };
        format.setActionDefinitionId(FORMAT_COMMAND);
        setAction("Format", format);

        Action open = new Action("Open Declaration") {
            @Override
            public void run() {
                openDeclaration(((ITextSelection) getSelectionProvider().getSelection()).getOffset());
            }
        };
        open.setActionDefinitionId(OPEN_DECLARATION_COMMAND);
        setAction("OpenDeclaration", open);

        Action references = new Action("Find References") {
            @Override
            public void run() {
                findReferences(caret());
            }
        };
        references.setActionDefinitionId(FIND_REFERENCES_COMMAND);
        setAction("FindReferences", references);

        Action rename = new Action("Rename...") {
            @Override
            public void run() {
                rename(caret());
            }
        };
        rename.setActionDefinitionId(RENAME_COMMAND);
        setAction("RenameElement", rename);
    }

    private int caret() {
        return ((ITextSelection) getSelectionProvider().getSelection()).getOffset();
    }

    /** Find References of the declaration at {@code offset}: a job that fills the MKW References view (returned for tests). */
    public Job findReferences(int offset) {
        if (resourceUri == null) return null;
        return FindReferences.run(getSite().getPage(), resourceUri, document().get(), offset);
    }

    /**
     * The rename refactoring of the declaration at {@code offset} (null, with a status-line
     * message, when the caret is on none); {@link #rename(int)} opens its dialog.
     */
    public RenameScenarioElement renameRefactoring(int offset) {
        if (resourceUri == null) return null;
        try {
            DeclarationAt target = DeclarationAt.find(resourceUri, document().get(), offset);
            if (target != null) return new RenameScenarioElement(target);
        } catch (CoreException e) {
            getStatusLineManager().setErrorMessage("Rename: " + e.getMessage());
            return null;
        }
        getStatusLineManager().setErrorMessage("Rename: the caret is not on a task, thread, protocol or message");
        return null;
    }

    /** Opens the Rename dialog for the declaration at {@code offset}. */
    public void rename(int offset) {
        RenameScenarioElement refactoring = renameRefactoring(offset);
        if (refactoring == null) return;
        try {
            new RefactoringWizardOpenOperation(new RenameWizard(refactoring)).run(getSite().getShell(), "Rename");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void editorContextMenuAboutToShow(IMenuManager menu) {
        super.editorContextMenuAboutToShow(menu);
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "Format");
        addAction(menu, ITextEditorActionConstants.GROUP_FIND, "OpenDeclaration");
        addAction(menu, ITextEditorActionConstants.GROUP_FIND, "FindReferences");
        addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "RenameElement");
    }

    /** Formats the whole document as one undoable change; false when the text has syntax errors (then nothing changes). */
    public boolean formatDocument() {
        if (!validateEditorInputState() || resourceUri == null) return false;
        IRewriteTarget target = getAdapter(IRewriteTarget.class);
        target.beginCompoundChange();
        try {
            boolean done = ScenarioFormatter.format(document(), resourceUri);
            if (!done) getStatusLineManager().setErrorMessage("Not formatted: the scenario has syntax errors");
            return done;
        } finally {
            target.endCompoundChange();
        }
    }

    /** Go to the declaration of the reference at {@code offset}; false when there is none. */
    public boolean openDeclaration(int offset) {
        if (resourceUri == null) return false;
        Definitions.Link link = Definitions.at(document().get(), offset, resourceUri);
        if (link == null) return false;
        Navigator.open(this, link.target(), resourceUri);
        return true;
    }

    /** Called in the reconciler thread with the analysis of one version of the text. */
    void reconciled(Analysis analysis) {
        if (getEditorInput() instanceof IFileEditorInput in) {
            IFile file = in.getFile();
            ProblemMarkers.schedule(file, analysis.text(), analysis.issues(), () -> isCurrent(analysis.stamp()));
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (display.isDisposed()) return;
        display.asyncExec(() -> {
            StyledText widget = getSourceViewer() == null ? null : getSourceViewer().getTextWidget();
            if (widget == null || widget.isDisposed() || !isCurrent(analysis.stamp())) return;
            long start = System.nanoTime();
            semantic.apply(analysis.styles());
            if (outline != null && !outline.isDisposed()) outline.setInput(analysis.outline());
            lastAnalysis = analysis;
            lastUiNanos = System.nanoTime() - start;
        });
    }

    private boolean isCurrent(long stamp) {
        IDocument doc = document();
        return doc != null && ReconcileStrategy.stamp(doc) == stamp;
    }

    private IDocument document() {
        var provider = getDocumentProvider();
        return provider == null ? null : provider.getDocument(getEditorInput());
    }

    /** The URI the language services see for this editor's text (imports resolve relative to it). */
    public URI resourceUri() {
        return resourceUri;
    }

    /** The last analysis applied to the editor (its stamp matched the text), or null before the first. */
    public Analysis lastAnalysis() {
        return lastAnalysis;
    }

    /** UI-thread time of applying {@link #lastAnalysis()} (semantic colours, outline), in nanoseconds. */
    public long lastUiNanos() {
        return lastUiNanos;
    }

    /** Whether the last applied analysis describes the current text. */
    public boolean isUpToDate() {
        Analysis a = lastAnalysis;
        return a != null && isCurrent(a.stamp());
    }

    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    /** Semantic ranges currently merged into the presentation. */
    public int semanticRangeCount() {
        return semantic == null ? 0 : semantic.size();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IContentOutlinePage.class) {
            if (outline == null || outline.isDisposed()) {
                outline = new MkwOutlinePage(n -> selectAndReveal(n.offset(), n.length()));
                if (lastAnalysis != null) outline.setInput(lastAnalysis.outline());
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (semantic != null) semantic.detach();
        if (getEditorInput() instanceof IFileEditorInput in && in.getFile().exists()) SavedFileValidation.schedule(in.getFile());
        super.dispose();
    }
}
