package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.ui.editor.MkwEditor;
import dev.mkw.dsl.ui.wizard.NewScenarioWizard;

/** File > New > Other > MKW > MKW Scenario, driven programmatically: the file is created from the template, opens, and validates. */
class NewScenarioWizardTest {

    @AfterEach
    void closeEditors() {
        EditorTools.page().closeAllEditors(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping-pong", "irq-driver", "pager-dataspace", "capabilities"})
    void createsAValidScenarioFromEachTemplateAndOpensIt(String template) throws Exception {
        IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("dev.mkw.dsl.ui.newScenario");
        assertNotNull(descriptor, "wizard registered under File > New");
        assertEquals("MKW", descriptor.getCategory().getLabel());
        EditorTools.page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("dev.mkw.ui.perspective"));
        assertTrue(List.of(EditorTools.page().getNewWizardShortcuts()).contains("dev.mkw.dsl.ui.newScenario"), "File > New > MKW Scenario in the MKW perspective");
        NewScenarioWizard wizard = (NewScenarioWizard) descriptor.createWizard();

        IFolder folder = EditorTools.project().getFolder("new-" + template);
        if (!folder.exists()) folder.create(true, true, null);
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(folder));
        WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            wizard.page().setFileName("my first-" + template + ".mkw");
            wizard.page().selectTemplate(template);
            UiTools.pump(200);
            assertTrue(wizard.canFinish(), () -> "finish enabled: " + wizard.page().getErrorMessage());
            if (template.equals("irq-driver")) UiTools.screenshot("wizard-new-scenario");
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }

        IFile created = wizard.created();
        assertEquals(folder.getFile("my first-" + template + ".mkw"), created);
        String text = new String(created.getContents().readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder title = new StringBuilder("MyFirst");
        for (String word : template.split("-")) title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        assertTrue(text.contains("\nscenario " + title + " "), text);
        LoadResult loaded = ScenarioLoader.standalone().load(text, created.getLocation().toString());
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());

        MkwEditor editor = (MkwEditor) EditorTools.page().getActiveEditor();
        assertEquals(created, editor.getEditorInput().getAdapter(IFile.class));
        EditorTools.awaitReconciled(editor);
        assertEquals(List.of(), editor.lastAnalysis().issues().stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList());
    }
}
