package dev.mkw.dsl.ide.refactoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

/**
 * Finds every place that spells a declaration's name, across files. The index says which files
 * can refer to the declaration's file at all (their resource descriptions record the resolved
 * references that leave the file); those are loaded into the declaration's resource set and
 * their cross references compared by object identity, so a reference through an import, a
 * qualified {@code task.thread} and an unqualified {@code thread} inside its task all count.
 * The Eclipse workbench and {@code mkw lsp} both use it.
 */
public class ReferenceSearch {
    @Inject private Declarations declarations;

    /**
     * The files that may refer to {@code declaration}: its own, and every file whose index
     * entry has a reference into that file.
     */
    public static Set<URI> candidates(IResourceDescriptions index, EObject declaration) {
        URI declaringFile = declaration.eResource().getURI();
        Set<URI> files = new LinkedHashSet<>();
        files.add(declaringFile);
        if (index == null) return files;
        for (IResourceDescription d : index.getAllResourceDescriptions()) {
            for (IReferenceDescription r : d.getReferenceDescriptions()) {
                if (r.getTargetEObjectUri() != null && declaringFile.equals(r.getTargetEObjectUri().trimFragment())) {
                    files.add(d.getURI());
                    break;
                }
            }
        }
        return files;
    }

    /**
     * The declaration's name and every reference that spells it in {@code files}, sorted by file
     * and offset. Files are loaded into the declaration's resource set (a file that cannot be
     * loaded is skipped).
     */
    public List<Occurrence> find(EObject declaration, Iterable<URI> files, CancelIndicator cancel) {
        QualifiedName name = declarations.qualifiedName(declaration);
        if (name == null) return List.of();
        int segment = name.getSegmentCount() - 1;
        List<Occurrence> out = new ArrayList<>();
        XtextResource home = (XtextResource) declaration.eResource();
        ITextRegion decl = declarations.nameRegion(declaration);
        if (decl != null) out.add(new Occurrence(home.getURI(), decl.getOffset(), decl.getLength(), true, textOf(home)));
        Set<Resource> seen = new LinkedHashSet<>();
        for (URI file : files) {
            if (cancel.isCanceled()) return List.of();
            Resource r = load(home, file);
            if (r instanceof XtextResource xr && seen.add(r)) scan(xr, declaration, segment, out);
        }
        out.sort(Comparator.comparing((Occurrence o) -> o.file().toString()).thenComparingInt(Occurrence::offset));
        return out;
    }

    private static Resource load(Resource home, URI file) {
        if (file.equals(home.getURI())) return home;
        try {
            return home.getResourceSet().getResource(file, true);
        } catch (RuntimeException e) {
            return null; // deleted or unreadable since it was indexed
        }
    }

    /** Every cross reference in {@code r} whose target is the declaration or lies inside it. */
    private void scan(XtextResource r, EObject declaration, int segment, List<Occurrence> out) {
        String text = textOf(r);
        for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
            EObject o = it.next();
            for (EReference ref : o.eClass().getEAllReferences()) {
                if (ref.isContainment() || ref.isContainer() || ref.isMany()) continue;
                Object value = o.eGet(ref, true);
                if (!(value instanceof EObject target) || target.eIsProxy() || !EcoreUtil.isAncestor(declaration, target)) continue;
                QualifiedName targetName = declarations.qualifiedName(target);
                if (targetName == null) continue;
                for (INode node : NodeModelUtils.findNodesForFeature(o, ref)) {
                    List<ILeafNode> tokens = Declarations.nameTokens(node);
                    int token = segment - (targetName.getSegmentCount() - tokens.size());
                    // A segment the reference leaves implied (a thread named without its task inside that task) is not spelled here.
                    if (token < 0 || token >= tokens.size()) continue;
                    ILeafNode leaf = tokens.get(token);
                    out.add(new Occurrence(r.getURI(), leaf.getOffset(), leaf.getLength(), false, text));
                }
            }
        }
    }

    static String textOf(XtextResource r) {
        return r.getParseResult() == null ? "" : r.getParseResult().getRootNode().getText();
    }
}
