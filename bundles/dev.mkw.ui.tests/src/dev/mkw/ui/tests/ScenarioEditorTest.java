package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mkw.dsl.ui.assist.Proposals;
import dev.mkw.dsl.ui.editor.MkwEditor;
import dev.mkw.dsl.ui.editor.MkwStyles;
import dev.mkw.dsl.ui.editor.MkwTextHover;
import dev.mkw.dsl.ui.markers.ProblemMarkers;
import dev.mkw.dsl.ui.navigation.MkwHyperlinkDetector;
import dev.mkw.dsl.ui.outline.MkwOutlinePage;
import dev.mkw.dsl.ui.outline.OutlineNode;
import dev.mkw.dsl.validation.IssueCodes;

/**
 * The .mkw editor on copies of the examples: colours, problems as markers while typing,
 * Ctrl+Space proposals, hover, format, quick fix, F3 and the outline. Each test leaves a
 * screenshot in target/screenshots.
 */
class ScenarioEditorTest {

    @AfterEach
    void closeEditors() {
        EditorTools.page().closeAllEditors(false);
        UiTools.pump(100);
    }

    @Test
    void opensWithColoursAndABrokenKernelVariantGivesAMarkerAtItsLine() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        IFile file = EditorTools.file("marker.mkw", original);
        MkwEditor editor = EditorTools.open(file);
        assertEquals(MkwEditor.ID, EditorTools.page().getActiveEditor().getEditorSite().getId());
        UiTools.waitFor(() -> EditorTools.markers(file).length == 0, 2000);
        assertEquals(List.of(), EditorTools.errors(file), "the example is valid");

        // Lexical colour: 'kernel' is a bold keyword; semantic colour: the declared thread 'pong' is bold too (definition).
        StyledText text = editor.viewer().getTextWidget();
        StyleRange keyword = text.getStyleRangeAtOffset(original.indexOf("kernel {"));
        assertNotNull(keyword, "keyword coloured");
        assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD);
        StyleRange call = text.getStyleRangeAtOffset(original.indexOf("server.pong") + 1);
        assertNotNull(call, "thread reference coloured by semantic highlighting");
        assertTrue(editor.semanticRangeCount() > 10, "semantic ranges: " + editor.semanticRangeCount());

        IDocument doc = EditorTools.document(editor);
        doc.replace(original.indexOf("scheduling benno") + "scheduling ".length(), "benno".length(), "fifo");
        int line = EditorTools.lineOf(original, "scheduling benno");
        UiTools.waitFor(() -> !EditorTools.errors(file).isEmpty(), 10_000);
        List<IMarker> errors = EditorTools.errors(file);
        assertEquals(1, errors.size(), () -> errors.toString());
        IMarker marker = errors.get(0);
        assertEquals(line, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("'fifo'"), message);
        assertEquals(doc.get().indexOf("fifo"), marker.getAttribute(IMarker.CHAR_START, -1));

        // The squiggle: a marker annotation in the editor's annotation model, and the hover shows the message.
        UiTools.waitFor(() -> annotationFor(editor, marker) != null, 5000);
        assertNotNull(annotationFor(editor, marker), "marker annotation in the editor");
        String hover = new MkwTextHover(editor::resourceUri).getHoverInfo(editor.viewer(), new Region(doc.get().indexOf("fifo") + 1, 0));
        assertTrue(hover != null && hover.contains(message), hover);
        List<String> problems = problemsViewRows();
        assertTrue(problems.stream().anyMatch(row -> row.contains(message)), () -> "Problems view: " + problems);
        EditorTools.page().activate(editor);
        UiTools.screenshot("editor-marker");

        // The file on disk is untouched: the editor only reports.
        assertEquals(original, new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(editor.isDirty());
    }

    @Test
    void closingWithoutSavingLeavesTheMarkersOfTheSavedFile() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        IFile file = EditorTools.file("close.mkw", original);
        MkwEditor editor = EditorTools.open(file);
        IDocument doc = EditorTools.document(editor);
        doc.replace(original.indexOf("scheduling benno") + "scheduling ".length(), "benno".length(), "fifo");
        UiTools.waitFor(() -> !EditorTools.errors(file).isEmpty(), 10_000);
        assertEquals(1, EditorTools.errors(file).size(), "the buffer's error is reported while editing");
        EditorTools.page().closeEditor(editor, false);
        UiTools.waitFor(() -> EditorTools.errors(file).isEmpty(), 10_000);
        assertEquals(List.of(), EditorTools.errors(file), "the saved file has no error, so neither has the Problems view");
    }

    @Test
    void garbageInputOnlyGivesMarkersAndSavesAsTyped() throws Exception {
        IFile file = EditorTools.file("garbage.mkw", EditorTools.exampleText("ping-pong.mkw"));
        MkwEditor editor = EditorTools.open(file);
        IDocument doc = EditorTools.document(editor);
        String garbage = "scenario {{ }} task task \"unterminated\n/* open comment\n\u00a7\u0000 thread -> -> 0xZZ\n" + doc.get().substring(0, 200);
        doc.set(garbage);
        EditorTools.awaitReconciled(editor);
        UiTools.waitFor(() -> !EditorTools.errors(file).isEmpty(), 10_000);
        assertFalse(EditorTools.errors(file).isEmpty(), "broken text is reported");
        editor.doSave(null);
        assertEquals(garbage, new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8), "saved exactly as typed");
        assertFalse(editor.isDirty());
        assertEquals(editor, EditorTools.page().getActiveEditor(), "the editor is still open");
    }

    /** The rows of the Problems view, its lazy severity groups expanded first. */
    static List<String> problemsViewRows() throws Exception {
        IViewPart view = EditorTools.page().showView(IPageLayout.ID_PROBLEM_VIEW);
        UiTools.pump(300);
        if (!(view.getSite().getSelectionProvider() instanceof TreeViewer viewer)) throw new AssertionError("Problems view has no tree");
        List<String> rows = new java.util.ArrayList<>();
        UiTools.waitFor(() -> viewer.getTree().getItemCount() > 0, 5000);
        for (TreeItem group : viewer.getTree().getItems()) {
            Event expand = new Event();
            expand.item = group;
            viewer.getTree().notifyListeners(SWT.Expand, expand);
            group.setExpanded(true);
            UiTools.pump(100);
            for (TreeItem row : group.getItems()) rows.add(row.getText(0));
        }
        return rows;
    }

    private static Annotation annotationFor(MkwEditor editor, IMarker marker) {
        IAnnotationModel model = editor.viewer().getAnnotationModel();
        for (var it = model.getAnnotationIterator(); it.hasNext();) {
            if (it.next() instanceof MarkerAnnotation a && a.getMarker().equals(marker)) return a;
        }
        return null;
    }

    @Test
    void openingACommentRecoloursWhatFollowsAndClosingItRestoresTheKeywords() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        MkwEditor editor = EditorTools.open(EditorTools.file("comment.mkw", original));
        IDocument doc = EditorTools.document(editor);
        StyledText text = editor.viewer().getTextWidget();
        Color comment = MkwStyles.of(HighlightingStyles.COMMENT_ID).getForeground();
        int at = original.indexOf("task server");

        doc.replace(at, 0, "/* ");
        EditorTools.awaitReconciled(editor);
        StyleRange later = text.getStyleRangeAtOffset(doc.get().indexOf("task client"));
        assertTrue(later != null && comment.equals(later.foreground) && (later.fontStyle & SWT.BOLD) == 0, "commented out: " + later);
        StyleRange before = text.getStyleRangeAtOffset(doc.get().indexOf("protocol Echo"));
        assertEquals(SWT.BOLD, before.fontStyle & SWT.BOLD, "text before the comment keeps its colours");

        doc.replace(at, 3, "");
        EditorTools.awaitReconciled(editor);
        StyleRange restored = text.getStyleRangeAtOffset(doc.get().indexOf("task client"));
        assertTrue(restored != null && (restored.fontStyle & SWT.BOLD) == SWT.BOLD && !comment.equals(restored.foreground), "keyword again: " + restored);
        StyleRange thread = text.getStyleRangeAtOffset(doc.get().indexOf("server.pong") + 1);
        assertNotNull(thread, "semantic colour back on the thread reference");
    }

    @Test
    void hoverOverAThreadReferenceShowsTheThreadsFacts() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        MkwEditor editor = EditorTools.open(EditorTools.file("hover.mkw", original));
        String hover = new MkwTextHover(editor::resourceUri).getHoverInfo(editor.viewer(), new Region(original.indexOf("server.pong") + 8, 0));
        assertEquals("thread server.pong: priority 100, cpu 0, no pager", hover);
    }

    @Test
    void ctrlSpaceProposesTheSchedulingVariants() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw").replace("scheduling benno", "scheduling ");
        IFile file = EditorTools.file("assist.mkw", original);
        MkwEditor editor = EditorTools.open(file);
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Ctrl+Space", bindings.getBestActiveBindingFormattedFor(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS));

        int caret = original.indexOf("scheduling ") + "scheduling ".length();
        editor.selectAndReveal(caret, 0);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
        UiTools.waitFor(() -> EditorTools.popupRows().contains("benno"), 10_000);
        List<String> rows = EditorTools.popupRows();
        assertTrue(rows.containsAll(List.of("eager", "lazy", "benno")), rows.toString());
        assertFalse(rows.contains("priority-rr"), "a scheduler policy is not a scheduling variant: " + rows);
        UiTools.screenshot("editor-content-assist");

        // Cross references: threads in scope, by qualified name, filtered by the typed prefix.
        String call = original.replace("call server.pong", "call se");
        int afterPrefix = call.indexOf("call se") + "call se".length();
        List<String> targets = Proposals.at(call, afterPrefix, editor.resourceUri()).stream().map(e -> e.getProposal()).toList();
        assertTrue(targets.contains("server.pong"), targets.toString());
        assertFalse(targets.contains("client.ping"), "prefix 'se' filters: " + targets);
        // Closing the popup: focus elsewhere (ESC through Display.post does not reach the async popup).
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().forceFocus();
        UiTools.pump(200);
    }

    @Test
    void ctrlShiftFFormatsAsOneUndoableChangeAndLeavesBrokenTextAlone() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        String squeezed = original.replaceAll("(?m)^ +", "").replace(" {\n", "   {  \n");
        IFile file = EditorTools.file("format.mkw", squeezed);
        MkwEditor editor = EditorTools.open(file);
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertTrue(Arrays.asList(bindings.getActiveBindingsFor(MkwEditor.FORMAT_COMMAND)).contains(KeySequence.getInstance("M1+M2+F")),
                () -> Arrays.toString(bindings.getActiveBindingsFor(MkwEditor.FORMAT_COMMAND)));
        assertTrue(Arrays.asList(bindings.getActiveBindingsFor(MkwEditor.OPEN_DECLARATION_COMMAND)).contains(KeySequence.getInstance("F3")));

        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(MkwEditor.FORMAT_COMMAND, null);
        IDocument doc = EditorTools.document(editor);
        String formatted = doc.get();
        assertTrue(formatted.contains("task server {\n    thread pong priority 100 {\n        wait any as req : Echo.request\n"), formatted);
        assertTrue(formatted.contains("        repeat 1000 {\n            reply-wait req"), formatted);
        UiTools.screenshot("editor-formatted");

        editor.getAction(ITextEditorActionConstants.UNDO).run();
        assertEquals(squeezed, doc.get(), "one undo restores the text");

        doc.replace(doc.get().indexOf("task server"), 0, "task {{ ");
        String broken = doc.get();
        assertFalse(editor.formatDocument(), "text with syntax errors is not formatted");
        assertEquals(broken, doc.get());
    }

    @Test
    void quickFixReplacesAMistypedPresetInTheOpenEditor() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        IFile file = EditorTools.file("quickfix.mkw", original.replace("machine preset i486_50", "machine preset i486_05"));
        MkwEditor editor = EditorTools.open(file);
        UiTools.waitFor(() -> !EditorTools.errors(file).isEmpty(), 10_000);
        IMarker marker = EditorTools.errors(file).get(0);
        assertEquals(IssueCodes.UNKNOWN_PRESET, marker.getAttribute(ProblemMarkers.CODE, ""));

        // Ctrl+1 on the flagged preset lists the marker's fixes.
        IDocument doc = EditorTools.document(editor);
        editor.selectAndReveal(doc.get().indexOf("i486_05") + 2, 0);
        UiTools.waitFor(() -> annotationFor(editor, marker) != null, 5000);
        ((ITextOperationTarget) editor.getAdapter(ITextOperationTarget.class)).doOperation(ISourceViewer.QUICK_ASSIST);
        UiTools.waitFor(() -> EditorTools.popupRows().contains("Change to preset 'i486_50'"), 10_000);
        assertTrue(EditorTools.popupRows().contains("Change to preset 'i486_50'"), EditorTools.popupRows().toString());
        UiTools.screenshot("editor-quick-fix");
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().forceFocus();
        UiTools.pump(200);

        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
        IMarkerResolution fix = Arrays.stream(fixes).filter(r -> r.getLabel().equals("Change to preset 'i486_50'")).findFirst().orElseThrow();
        fix.run(marker);
        assertEquals(original, doc.get());
        EditorTools.awaitReconciled(editor);
        UiTools.waitFor(() -> EditorTools.errors(file).isEmpty(), 10_000);
        assertEquals(List.of(), EditorTools.errors(file));
    }

    @Test
    void f3GoesToTheThreadDeclarationAndTheOutlineListsTheSections() throws Exception {
        String original = EditorTools.exampleText("ping-pong.mkw");
        MkwEditor editor = EditorTools.open(EditorTools.file("navigate.mkw", original));
        int reference = original.indexOf("call server.pong") + "call server.".length() + 1;
        assertTrue(editor.openDeclaration(reference));
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(original.indexOf("pong priority"), selection.getOffset());
        assertEquals("pong", selection.getText());
        assertFalse(editor.openDeclaration(original.indexOf("compute")), "no reference at a keyword");

        // Ctrl+click: the link covers the whole qualified reference and opens the declaration.
        editor.selectAndReveal(0, 0);
        IHyperlink[] links = new MkwHyperlinkDetector(editor, editor::resourceUri).detectHyperlinks(editor.viewer(), new Region(reference, 0), false);
        assertEquals(1, links.length);
        assertEquals(new Region(original.indexOf("server.pong"), "server.pong".length()), links[0].getHyperlinkRegion());
        links[0].open();
        assertEquals("pong", ((ITextSelection) editor.getSelectionProvider().getSelection()).getText());
        assertEquals(null, new MkwHyperlinkDetector(editor, editor::resourceUri).detectHyperlinks(editor.viewer(), new Region(original.indexOf("compute"), 0), false));

        EditorTools.page().showView(IPageLayout.ID_OUTLINE);
        EditorTools.page().activate(editor);
        MkwOutlinePage outline = (MkwOutlinePage) editor.getAdapter(IContentOutlinePage.class);
        UiTools.waitFor(() -> !outline.input().isEmpty(), 5000);
        List<String> labels = outline.input().stream().map(OutlineNode::label).toList();
        assertEquals(List.of("machine i486_50", "kernel", "protocol Echo", "task server", "task client", "run"), labels);
        OutlineNode client = outline.input().get(4);
        assertEquals(List.of("region 0x10000 size 65536", "thread ping"), client.children().stream().map(OutlineNode::label).toList());

        // Typing above moves every section; picking an entry still selects the right name.
        EditorTools.document(editor).replace(0, 0, "// moved\n\n");
        EditorTools.awaitReconciled(editor);
        Object shownClient = ((List<?>) outline.getTreeViewer().getInput()).get(4);
        outline.getTreeViewer().setSelection(new StructuredSelection(shownClient));
        ITextSelection picked = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals("client", picked.getText());
        UiTools.screenshot("editor-outline");
    }
}
