package dev.mkw.dsl.ui.wizard;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > Other > MKW > MKW Scenario: creates a .mkw file from a template, makes its
 * project an MKW project (nature and builder) and opens the file in the editor.
 */
public class NewScenarioWizard extends Wizard implements INewWizard {
    private IWorkbench workbench;
    private IStructuredSelection selection;
    private ScenarioFilePage page;
    private IFile created;

    public NewScenarioWizard() {
        setWindowTitle("New MKW Scenario");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
    }

    @Override
    public void addPages() {
        page = new ScenarioFilePage(selection);
        addPage(page);
    }

    public ScenarioFilePage page() {
        return page;
    }

    /** The file the last finish created, or null. */
    public IFile created() {
        return created;
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) return false;
        created = file;
        try {
            // The project becomes an MKW project: its scenarios are built and indexed from now on.
            dev.mkw.dsl.ui.build.MkwNature.add(file.getProject(), null);
        } catch (org.eclipse.core.runtime.CoreException e) {
            page.setErrorMessage("Created " + file.getFullPath() + " but could not make its project an MKW project: " + e.getMessage());
            return false;
        }
        IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
        try {
            if (active != null) IDE.openEditor(active, file);
        } catch (PartInitException e) {
            page.setErrorMessage("Created " + file.getFullPath() + " but could not open it: " + e.getMessage());
            return false;
        }
        return true;
    }
}
