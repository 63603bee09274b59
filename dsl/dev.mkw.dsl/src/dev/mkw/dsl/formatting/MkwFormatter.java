package dev.mkw.dsl.formatting;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;

import dev.mkw.dsl.mkw.Element;
import dev.mkw.dsl.mkw.Import;
import dev.mkw.dsl.mkw.KernelSetting;
import dev.mkw.dsl.mkw.MachineSetting;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Statement;
import dev.mkw.dsl.mkw.TaskMember;

/**
 * The layout of a scenario: one declaration, setting or statement per line, blocks indented
 * by their braces, one space between the words of a line, blank lines between top-level
 * elements kept (at most one). Written so that formatting twice changes nothing.
 */
public class MkwFormatter extends AbstractFormatter2 {

    @Override
    public void format(Object obj, IFormattableDocument doc) {
        if (obj instanceof XtextResource r) {
            _format(r, doc);
            return;
        }
        if (!(obj instanceof Model model)) return;
        // Everything one space apart unless a rule below says otherwise.
        for (ISemanticRegion r : getTextRegionAccess().regionForRootEObject().getAllSemanticRegions()) {
            doc.append(r, it -> { it.oneSpace(); it.lowPriority(); });
        }
        for (EObject o : (Iterable<EObject>) () -> model.eAllContents()) layout(o, doc);
        doc.prepend(regionFor((EObject) model).keyword("scenario"), it -> it.setNewLines(0, 0, 2));
        for (Element e : model.getElements()) doc.prepend(e, it -> it.setNewLines(2));
    }

    private org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder regionFor(EObject o) {
        return textRegionExtensions.regionFor(o);
    }

    private void layout(EObject o, IFormattableDocument doc) {
        if (o instanceof Import || o instanceof TaskMember || o instanceof Statement || o instanceof KernelSetting
                || o instanceof MachineSetting || o instanceof ProtocolMessage) {
            doc.prepend(o, it -> it.setNewLines(1, 1, 2));
        }
        // An element owns its braces directly (an if owns two pairs): pair the n-th '{' with the n-th '}'.
        List<ISemanticRegion> open = regionFor(o).keywords("{"), close = regionFor(o).keywords("}");
        for (int i = 0; i < Math.min(open.size(), close.size()); i++) {
            doc.interior(open.get(i), close.get(i), it -> it.indent());
            doc.prepend(open.get(i), it -> it.oneSpace());
            doc.prepend(close.get(i), it -> it.newLine());
        }
        for (ISemanticRegion r : regionFor(o).keywords("(")) doc.append(r, it -> it.noSpace());
        for (ISemanticRegion r : regionFor(o).keywords(")")) doc.prepend(r, it -> it.noSpace());
        for (ISemanticRegion comma : regionFor(o).keywords(",")) doc.prepend(comma, it -> it.noSpace());
        for (ISemanticRegion dot : regionFor(o).keywords(".")) doc.surround(dot, it -> it.noSpace());
        // A thread's count is part of its name: worker[clients].
        for (ISemanticRegion r : regionFor(o).keywords("[")) doc.surround(r, it -> it.noSpace());
        for (ISemanticRegion r : regionFor(o).keywords("]")) doc.prepend(r, it -> it.noSpace());
        // Size units stick to their number: 64K, not 64 K.
        for (ISemanticRegion unit : regionFor(o).keywords("K", "M", "G")) doc.prepend(unit, it -> it.noSpace());
    }
}
