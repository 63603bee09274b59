package dev.mkw.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.mkw.dsl.ui.MkwLanguage;

/**
 * Hover over the text: the messages of problems at that place, then the documentation of the
 * element (or of the declaration a reference points to) from the runtime's documentation
 * provider: a thread's priority and pager, a message's layout, a preset's machine.
 * JFace computes hovers in a background thread.
 */
public final class MkwTextHover implements ITextHover {
    private final Supplier<URI> uri;

    public MkwTextHover(Supplier<URI> uri) {
        this.uri = uri;
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        List<String> parts = new ArrayList<>(problems(viewer, region.getOffset()));
        String doc = documentation(viewer.getDocument().get(), region.getOffset());
        if (doc != null) parts.add(doc);
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static List<String> problems(ITextViewer viewer, int offset) {
        List<String> out = new ArrayList<>();
        if (!(viewer instanceof ISourceViewer sv) || sv.getAnnotationModel() == null) return out;
        IAnnotationModel model = sv.getAnnotationModel();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            if (!(a instanceof MarkerAnnotation) || a.isMarkedDeleted() || a.getText() == null) continue;
            Position p = model.getPosition(a);
            if (p != null && offset >= p.getOffset() && offset <= p.getOffset() + p.getLength()) out.add(a.getText());
        }
        return out;
    }

    String documentation(String text, int offset) {
        URI u = uri.get();
        if (u == null) return null;
        XtextResource resource = MkwLanguage.parse(text, u);
        EObjectAtOffsetHelper helper = MkwLanguage.get(EObjectAtOffsetHelper.class);
        EObject o = helper.resolveCrossReferencedElementAt(resource, offset);
        if (o == null || o.eIsProxy()) o = helper.resolveElementAt(resource, offset);
        return o == null ? null : MkwLanguage.get(IEObjectDocumentationProvider.class).getDocumentation(o);
    }
}
