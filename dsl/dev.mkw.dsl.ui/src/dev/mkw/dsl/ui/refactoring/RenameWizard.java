package dev.mkw.dsl.ui.refactoring;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The Rename dialog: the new name (checked while typing), then OK or Preview. */
public final class RenameWizard extends RefactoringWizard {

    public RenameWizard(RenameScenarioElement refactoring) {
        super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
        setDefaultPageTitle(refactoring.getName());
    }

    @Override
    protected void addUserInputPages() {
        addPage(new NamePage((RenameScenarioElement) getRefactoring()));
    }

    /** One field: the new name. */
    static final class NamePage extends UserInputWizardPage {
        private final RenameScenarioElement refactoring;
        private final String original;

        NamePage(RenameScenarioElement refactoring) {
            super("name");
            this.refactoring = refactoring;
            this.original = refactoring.newName();
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText("&New name:");
            Text name = new Text(c, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            name.setText(refactoring.newName());
            name.selectAll();
            name.addModifyListener(e -> check(name.getText()));
            setControl(c);
            check(name.getText());
            name.setFocus();
        }

        private void check(String text) {
            refactoring.setNewName(text);
            String problem = refactoring.checkName(text);
            setErrorMessage(problem);
            setPageComplete(problem == null && !text.equals(original));
        }
    }
}
