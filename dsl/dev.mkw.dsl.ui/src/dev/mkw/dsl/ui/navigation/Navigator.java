package dev.mkw.dsl.ui.navigation;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Shows a declaration: in the same editor, or in the editor of the imported workspace file that declares it. */
public final class Navigator {
    private Navigator() {}

    public static void open(ITextEditor from, Definitions.Target target, org.eclipse.emf.common.util.URI fromUri) {
        if (target.file().equals(fromUri)) {
            from.selectAndReveal(target.offset(), target.length());
            return;
        }
        if (!target.file().isPlatformResource()) return;
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(target.file().toPlatformString(true)));
        try {
            IEditorPart part = IDE.openEditor(from.getSite().getPage(), file);
            if (part instanceof ITextEditor editor) editor.selectAndReveal(target.offset(), target.length());
        } catch (PartInitException e) {
            throw new IllegalStateException("Cannot open " + file.getFullPath() + ": " + e.getMessage(), e);
        }
    }
}
