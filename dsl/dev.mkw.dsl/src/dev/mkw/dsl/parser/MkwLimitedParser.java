package dev.mkw.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;

import dev.mkw.dsl.parser.antlr.MkwParser;

/**
 * The generated parser with two limits that keep every later stage (linking, validation,
 * translation, the interpreter) clear of a stack overflow, each reported as a syntax error at
 * the place it is exceeded, in the editor as on the command line:
 * <ul>
 * <li>blocks and parentheses nest at most {@link NestingDepth#LIMIT} deep: the parser itself
 * recurses per level, so the too-deep part is blanked before parsing;</li>
 * <li>an expression tree is at most {@link #TREE_DEPTH} deep: {@code 1 + 1 + ... + 1} parses in
 * a loop but builds a tree as deep as it is long, which EMF's validator walks recursively; the
 * part below the limit is cut off the tree.</li>
 * </ul>
 */
public class MkwLimitedParser extends MkwParser {
    /** Depth of the syntax tree (model, task, thread, statements, expressions) a scenario may reach. */
    public static final int TREE_DEPTH = 400;
    public static final String CODE = "mkw.nesting-depth";

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
        String text = in.substring(0, in.size() - 1);
        NestingDepth.Excess excess = NestingDepth.find(text);
        IParseResult result = excess == null ? super.doParse(ruleName, in, builder, initialLookAhead)
                : super.doParse(ruleName, new ANTLRStringStream(NestingDepth.blankInside(text, excess)), builder, initialLookAhead);
        if (excess != null) {
            mark(result, builder, excess.open(), "blocks and parentheses nest at most " + NestingDepth.LIMIT
                    + " levels deep; this '" + text.charAt(excess.open()) + "' opens level " + (NestingDepth.LIMIT + 1)
                    + " (move the inner part into a thread of its own, or flatten it)");
        }
        cutDeepTrees(result, builder);
        return result;
    }

    /** Cut every element deeper than {@link #TREE_DEPTH} off the tree and mark the first one. */
    private void cutDeepTrees(IParseResult result, NodeModelBuilder builder) {
        EObject root = result.getRootASTElement();
        if (root == null) return;
        // Iteratively (the point is to avoid recursion): a stack of (element, depth).
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        EObject first = null;
        java.util.List<EObject> cut = new java.util.ArrayList<>();
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            EObject o = (EObject) top[0];
            int depth = (Integer) top[1];
            if (depth > TREE_DEPTH) {
                if (first == null) first = o;
                cut.add(o);
                continue;
            }
            for (EObject child : o.eContents()) stack.push(new Object[] {child, depth + 1});
        }
        if (first == null) return;
        ICompositeNode node = NodeModelUtils.getNode(first);
        int offset = node == null ? 0 : node.getOffset();
        for (EObject o : cut) EcoreUtil.remove(o);
        mark(result, builder, offset, "this expression or block is nested more than " + TREE_DEPTH
                + " levels deep (a chain of that many operators, or blocks within blocks); split it with 'let'");
    }

    private static void mark(IParseResult result, NodeModelBuilder builder, int offset, String message) {
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), offset);
        INode target = leaf != null ? leaf : result.getRootNode().getLeafNodes().iterator().hasNext() ? result.getRootNode().getLeafNodes().iterator().next() : null;
        if (target == null) return;
        if (target.getSyntaxErrorMessage() != null) return; // the parser's own message stays
        builder.setSyntaxError(target, new SyntaxErrorMessage(message, CODE));
    }
}
