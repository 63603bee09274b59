package dev.mkw.dsl.ide.refactoring;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;

import dev.mkw.dsl.mkw.Protocol;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;

/**
 * The names a user can search for and rename: tasks, threads ({@code task.thread}), protocols
 * and protocol messages ({@code Protocol.message}). Finds the one under a text offset, on its
 * declaration or on any reference to it; on a qualified reference the segment under the caret
 * decides ({@code s} in {@code s.t} is the task, {@code t} the thread).
 */
public class Declarations {
    @Inject private EObjectAtOffsetHelper offsets;
    @Inject private ILocationInFileProvider locations;
    @Inject private IQualifiedNameProvider names;

    /** Whether {@code o} is a kind of declaration the workspace index finds and renames. */
    public static boolean isRenameable(EObject o) {
        return o instanceof Task || o instanceof Thread || o instanceof Protocol || o instanceof ProtocolMessage;
    }

    /** What the user calls the declaration: task, thread, protocol or message. */
    public static String kind(EObject o) {
        return switch (o) {
            case Task t -> "task";
            case Thread t -> "thread";
            case Protocol p -> "protocol";
            case ProtocolMessage m -> "message";
            default -> o.eClass().getName();
        };
    }

    /** The declaration named or referred to at {@code offset}, or null. */
    public EObject at(XtextResource resource, int offset) {
        if (resource.getParseResult() == null) return null;
        INode ref = offsets.getCrossReferenceNode(resource, new TextRegion(offset, 0));
        if (ref != null) {
            EObject target = offsets.getCrossReferencedElement(ref);
            if (target == null || target.eIsProxy() || !isRenameable(target)) return null;
            return segmentAt(ref, target, offset);
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf == null) return null;
        EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
        if (owner == null || !isRenameable(owner)) return null;
        ITextRegion name = nameRegion(owner);
        return name != null && name.getOffset() <= offset && offset <= name.getOffset() + name.getLength() ? owner : null;
    }

    /** The range of the declaration's name in its file. */
    public ITextRegion nameRegion(EObject declaration) {
        return locations.getSignificantTextRegion(declaration);
    }

    public QualifiedName qualifiedName(EObject o) {
        return names.getFullyQualifiedName(o);
    }

    /**
     * The name tokens of a reference's text: {@code s . t} gives the leaves {@code s} and {@code t}.
     * They spell the last segments of the target's qualified name (the first ones may be implied
     * by the enclosing task).
     */
    static List<ILeafNode> nameTokens(INode reference) {
        List<ILeafNode> tokens = new ArrayList<>();
        for (ILeafNode leaf : reference.getLeafNodes()) {
            if (!leaf.isHidden() && !".".equals(leaf.getText())) tokens.add(leaf);
        }
        return tokens;
    }

    /** The ancestor-or-self of {@code target} whose name is the reference's token under {@code offset}. */
    private EObject segmentAt(INode ref, EObject target, int offset) {
        QualifiedName fqn = qualifiedName(target);
        List<ILeafNode> tokens = nameTokens(ref);
        if (fqn == null || tokens.isEmpty()) return target;
        int first = fqn.getSegmentCount() - tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            ILeafNode t = tokens.get(i);
            if (offset >= t.getOffset() && offset <= t.getEndOffset()) {
                int segments = first + i + 1;
                for (EObject o = target; o != null; o = o.eContainer()) {
                    QualifiedName n = isRenameable(o) ? qualifiedName(o) : null;
                    if (n != null && n.getSegmentCount() == segments) return o;
                }
            }
        }
        return target;
    }
}
