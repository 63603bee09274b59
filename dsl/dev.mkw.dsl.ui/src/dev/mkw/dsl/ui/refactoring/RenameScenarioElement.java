package dev.mkw.dsl.ui.refactoring;

import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.naming.QualifiedName;

import dev.mkw.dsl.ide.refactoring.Declarations;
import dev.mkw.dsl.ide.refactoring.Rename;
import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.build.WorkspaceScenarios;

/**
 * Rename of a task, thread, protocol or message as an LTK refactoring (preview, undo): the
 * shared {@link Rename} computes the edits in every file that refers to the declaration; each
 * file gets one text change, applied to its editor's buffer when open (left unsaved if it was
 * dirty) and saved otherwise.
 */
public final class RenameScenarioElement extends Refactoring {
    private final DeclarationAt target;
    private String newName;
    private Rename.Result result;

    public RenameScenarioElement(DeclarationAt target) {
        this.target = target;
        QualifiedName n = MkwLanguage.get(Declarations.class).qualifiedName(target.declaration());
        this.newName = n == null ? "" : n.getLastSegment();
    }

    @Override
    public String getName() {
        return "Rename " + target.label();
    }

    public DeclarationAt target() {
        return target;
    }

    public String newName() {
        return newName;
    }

    public void setNewName(String name) {
        newName = name;
        result = null;
    }

    /** Why the name is not acceptable, or null (checked as the user types). */
    public String checkName(String name) {
        return MkwLanguage.get(Rename.class).checkName(target.declaration(), name);
    }

    @Override
    public RefactoringStatus checkInitialConditions(IProgressMonitor pm) {
        return Declarations.isRenameable(target.declaration()) ? new RefactoringStatus()
                : RefactoringStatus.createFatalErrorStatus("Only tasks, threads, protocols and messages can be renamed");
    }

    @Override
    public RefactoringStatus checkFinalConditions(IProgressMonitor pm) throws OperationCanceledException {
        result = MkwLanguage.get(Rename.class).rename(target.declaration(), newName, target.files(), pm::isCanceled);
        if (pm.isCanceled()) throw new OperationCanceledException();
        if (!result.ok()) return RefactoringStatus.createFatalErrorStatus(result.error());
        RefactoringStatus status = new RefactoringStatus();
        for (URI u : result.edits().keySet()) {
            IFile f = WorkspaceScenarios.file(u);
            if (f == null || !f.exists()) status.addFatalError("Cannot change " + u + ": it is not a file of the workspace");
            else if (f.isReadOnly()) status.addFatalError(f.getFullPath() + " is read-only");
        }
        return status;
    }

    @Override
    public Change createChange(IProgressMonitor pm) throws CoreException {
        CompositeChange all = new CompositeChange(getName() + " to " + newName);
        for (Map.Entry<URI, List<Rename.Edit>> e : result.edits().entrySet()) {
            IFile f = WorkspaceScenarios.file(e.getKey());
            TextFileChange change = new TextFileChange(f.getName(), f);
            change.setSaveMode(TextFileChange.KEEP_SAVE_STATE);
            MultiTextEdit edits = new MultiTextEdit();
            for (Rename.Edit edit : e.getValue()) edits.addChild(new ReplaceEdit(edit.offset(), edit.length(), edit.newText()));
            change.setEdit(edits);
            all.add(change);
        }
        return all;
    }
}
