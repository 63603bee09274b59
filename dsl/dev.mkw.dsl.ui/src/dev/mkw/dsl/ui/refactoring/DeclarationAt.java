package dev.mkw.dsl.ui.refactoring;

import java.util.Set;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import dev.mkw.dsl.ide.refactoring.Declarations;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;
import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.build.WorkspaceScenarios;

/**
 * The declaration under the caret of an editor, in a resource set that holds every open
 * scenario as its editor shows it (so offsets fit the buffers edits go to), with the files the
 * workspace index says can refer to it.
 */
public record DeclarationAt(EObject declaration, String label, Set<URI> files) {

    /** The task, thread, protocol or message at {@code offset} of {@code text} (the file {@code uri}), or null. */
    public static DeclarationAt find(URI uri, String text, int offset) throws CoreException {
        WorkspaceScenarios.get().ensureIndexed(null);
        XtextResourceSet set = MkwLanguage.newResourceSet();
        XtextResource resource = MkwLanguage.parseInto(set, text, uri);
        for (IFileBuffer b : FileBuffers.getTextFileBufferManager().getFileBuffers()) {
            IFile f = b.getLocation() == null ? null : org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getFile(b.getLocation());
            if (b instanceof ITextFileBuffer tb && f != null && WorkspaceScenarios.isScenario(f)) {
                URI u = WorkspaceScenarios.uri(f);
                if (set.getResource(u, false) == null) MkwLanguage.parseInto(set, tb.getDocument().get(), u);
            }
        }
        Declarations declarations = MkwLanguage.get(Declarations.class);
        EObject d = declarations.at(resource, offset);
        if (d == null) return null;
        Set<URI> files = ReferenceSearch.candidates(WorkspaceScenarios.get().index().descriptions(), d);
        files.add(uri);
        return new DeclarationAt(d, Declarations.kind(d) + " " + declarations.qualifiedName(d), files);
    }
}
