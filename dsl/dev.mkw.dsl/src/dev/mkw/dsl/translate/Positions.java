package dev.mkw.dsl.translate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.mkw.scenario.SourceRef;

/** Where an AST element was written: file, line and column (1-based), for messages naming file:line:column. */
final class Positions {
    private final String file;

    Positions(String file) {
        this.file = file;
    }

    SourceRef of(EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        if (n == null) return new SourceRef(file, 0, 0);
        return new SourceRef(file, n.getStartLine(), column(n.getRootNode().getText(), n.getOffset()));
    }

    static int column(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) lineStart = 0;
        return offset - lineStart + 1;
    }
}
