package dev.mkw.dsl.ui.wizard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;

/** Folder and file name (from the platform page), plus the template the new scenario starts from. */
public class ScenarioFilePage extends WizardNewFileCreationPage {
    private Combo templates;
    private ScenarioTemplates.Template template = ScenarioTemplates.ALL.get(0);

    public ScenarioFilePage(IStructuredSelection selection) {
        super("scenario", selection);
        setTitle("MKW Scenario");
        setDescription("Create a scenario file from one of the example experiments.");
        setFileExtension("mkw");
        setFileName("scenario.mkw");
    }

    @Override
    protected void createAdvancedControls(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(2, false));
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(row, SWT.NONE).setText("&Template:");
        templates = new Combo(row, SWT.READ_ONLY);
        templates.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (ScenarioTemplates.Template t : ScenarioTemplates.ALL) templates.add(t.label() + " - " + t.description());
        templates.select(ScenarioTemplates.ALL.indexOf(template));
        templates.addListener(SWT.Selection, e -> template = ScenarioTemplates.ALL.get(templates.getSelectionIndex()));
        super.createAdvancedControls(parent);
    }

    /** Picks the template by id (the combo follows when it exists). */
    public void selectTemplate(String id) {
        template = ScenarioTemplates.byId(id);
        if (templates != null && !templates.isDisposed()) templates.select(ScenarioTemplates.ALL.indexOf(template));
    }

    public ScenarioTemplates.Template template() {
        return template;
    }

    @Override
    protected InputStream getInitialContents() {
        String text = template.instantiate(ScenarioTemplates.titleFor(getFileName()));
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
