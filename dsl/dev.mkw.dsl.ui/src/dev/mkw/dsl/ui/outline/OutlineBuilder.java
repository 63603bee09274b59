package dev.mkw.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

import dev.mkw.dsl.mkw.Element;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Protocol;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.TaskMember;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.ui.MkwLanguage;

/**
 * The outline of a scenario: its top-level sections, with a task's threads, regions and
 * capabilities and a protocol's messages below them. Names come from the ide module's
 * symbol names (the same the language server shows), prefixed with the declaring keyword.
 */
public final class OutlineBuilder {
    private OutlineBuilder() {}

    public static List<OutlineNode> build(XtextResource resource) {
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) return List.of();
        List<OutlineNode> roots = new ArrayList<>();
        for (Element e : model.getElements()) roots.add(node(e, children(e)));
        return roots;
    }

    private static List<OutlineNode> children(Element e) {
        List<OutlineNode> out = new ArrayList<>();
        if (e instanceof Task t) for (TaskMember m : t.getMembers()) out.add(node(m, List.of()));
        if (e instanceof Protocol p) for (ProtocolMessage m : p.getMessages()) out.add(node(m, List.of()));
        return out;
    }

    private static OutlineNode node(EObject o, List<OutlineNode> children) {
        ITextRegion r = MkwLanguage.get(ILocationInFileProvider.class).getSignificantTextRegion(o);
        return new OutlineNode(label(o), r.getOffset(), r.getLength(), children);
    }

    static String label(EObject o) {
        // Threads and messages sit below their task or protocol: their simple name, not the qualified one the symbol list uses.
        String name = o instanceof Thread t ? t.getName() : o instanceof ProtocolMessage m ? m.getName()
                : MkwLanguage.get(DocumentSymbolMapper.DocumentSymbolNameProvider.class).getName(o);
        String keyword = switch (o) {
            case Task t -> "task";
            case Thread t -> "thread";
            case Protocol p -> "protocol";
            default -> null;
        };
        if (name == null) return o.eClass().getName().toLowerCase();
        return keyword == null ? name : keyword + " " + name;
    }
}
