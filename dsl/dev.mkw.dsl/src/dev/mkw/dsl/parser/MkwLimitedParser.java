package dev.mkw.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.ParseResult;

import dev.mkw.dsl.parser.antlr.MkwParser;

/**
 * The generated parser behind {@link InputLimits}: a text beyond a limit is parsed with the
 * excess blanked out and the excess reported as a syntax error where it starts, in the editor
 * as on the command line, so no input can overflow the stack of the parser, the node model,
 * the validator, the translator or the interpreter.
 */
public class MkwLimitedParser extends MkwParser {
    public static final String CODE = "mkw.nesting-depth";

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
        String text = in.substring(0, in.size() - 1);
        InputLimits.Excess excess = InputLimits.find(text);
        if (excess == null) return super.doParse(ruleName, in, builder, initialLookAhead);
        IParseResult result = super.doParse(ruleName, new ANTLRStringStream(InputLimits.blank(text, excess)), builder, initialLookAhead);
        boolean marked = mark(result, builder, excess.at(), excess.message());
        // The parse result counts its syntax errors when it is made: one that had none must be told.
        return marked && !result.hasSyntaxErrors() ? new ParseResult(result.getRootASTElement(), result.getRootNode(), true) : result;
    }

    /** Put {@code message} on the token at {@code offset}; true when it was set (false if the parser had put one there). */
    private static boolean mark(IParseResult result, NodeModelBuilder builder, int offset, String message) {
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), offset);
        if (leaf == null || leaf.getSyntaxErrorMessage() != null) return false; // the parser's own message stays
        builder.setSyntaxError(leaf, new SyntaxErrorMessage(message, CODE));
        return true;
    }
}
