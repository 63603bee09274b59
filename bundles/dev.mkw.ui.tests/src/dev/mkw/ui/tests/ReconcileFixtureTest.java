package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mkw.dsl.ui.editor.Analysis;
import dev.mkw.dsl.ui.editor.MkwEditor;
import dev.mkw.dsl.ui.outline.MkwOutlinePage;

/**
 * A measured fixture, not a timed assertion: re-validation of a 2000-line scenario after one
 * keystroke. Prints the UI-thread cost (the keystroke with its whole-document re-lex, and
 * applying the reconcile's results) and the total time until the result is shown (including
 * the 300 ms typing pause the reconciler waits for). Asserts only what makes the numbers meaningful.
 */
class ReconcileFixtureTest {

    @AfterEach
    void closeEditors() {
        EditorTools.page().closeAllEditors(false);
    }

    /** Header + one server + clients: about 9 lines per client task. */
    static String scenario(int lines) {
        StringBuilder b = new StringBuilder("""
                scenario Large "many clients of one server"

                machine preset i486_50 { cpus 1 }

                kernel {
                    scheduling lazy
                }

                protocol Echo {
                    request label 1 words 2
                    response label 2 words 2
                }

                task server {
                    thread pong priority 100 {
                        wait any as req : Echo.request
                        repeat forever {
                            reply-wait req Echo.response words (req.w0 + 1, 0) as req
                        }
                    }
                }
                """);
        for (int i = 0; b.chars().filter(c -> c == '\n').count() < lines - 2; i++) {
            b.append("\ntask client").append(i).append(" pager root {\n")
                    .append("    thread ping priority 90 {\n")
                    .append("        repeat 10 {\n")
                    .append("            call server.pong Echo.request words (").append(i).append(", 2) as answer timeout never\n")
                    .append("            compute 200 cycles\n")
                    .append("        }\n")
                    .append("    }\n")
                    .append("}\n");
        }
        b.append("\nrun until 100000 cycles seed 1\n");
        return b.toString();
    }

    @Test
    void reconcileOfA2000LineScenario() throws Exception {
        String text = scenario(2000);
        int lines = (int) text.chars().filter(c -> c == '\n').count();
        assertTrue(lines >= 2000, "lines: " + lines);
        IFile file = EditorTools.file("large.mkw", text);
        MkwEditor editor = EditorTools.open(file);
        // Measured with the Outline view showing this editor's outline, as a user would work.
        EditorTools.page().showView(IPageLayout.ID_OUTLINE);
        EditorTools.page().activate(editor);
        MkwOutlinePage outline = (MkwOutlinePage) editor.getAdapter(IContentOutlinePage.class);
        UiTools.waitFor(() -> !outline.input().isEmpty(), 5000);
        assertTrue(outline.getTreeViewer().getTree().getItemCount() > 200, "outline shows the tasks");
        List<?> errors = editor.lastAnalysis().issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        assertEquals(List.of(), errors, "the fixture scenario is valid, so the numbers are those of a full validation");

        IDocument doc = EditorTools.document(editor);
        for (int cycle = 1; cycle <= 3; cycle++) {
            int at = doc.get().lastIndexOf("compute 20") + "compute 20".length();
            long start = System.nanoTime();
            doc.replace(at, 1, String.valueOf(cycle));
            long keystroke = System.nanoTime() - start;
            Analysis before = editor.lastAnalysis();
            Display display = Display.getCurrent();
            // Poll finely (1 ms) so the total is not rounded up to the UI tools' 50 ms pump.
            while (!(editor.isUpToDate() && editor.lastAnalysis() != before) && System.nanoTime() - start < 30_000_000_000L) {
                if (!display.readAndDispatch()) Thread.sleep(1);
            }
            long total = System.nanoTime() - start;
            Analysis after = editor.lastAnalysis();
            assertTrue(after != before && editor.isUpToDate(), "reconciled within 30 s");
            System.out.printf("RECONCILE-FIXTURE cycle=%d lines=%d keystroke-ui-ms=%.1f apply-ui-ms=%.1f analysis-ms=%.1f total-ms=%.1f (incl. %d ms delay) semantic-ranges=%d issues=%d%n",
                    cycle, lines, keystroke / 1e6, editor.lastUiNanos() / 1e6, after.nanos() / 1e6, total / 1e6, 300,
                    editor.semanticRangeCount(), after.issues().size());
        }
        UiTools.screenshot("editor-large");
    }
}
