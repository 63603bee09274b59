package dev.mkw.dsl.ui.editor;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultAntlrTokenToAttributeIdMapper;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Key;
import com.google.inject.name.Names;

import dev.mkw.dsl.ui.MkwLanguage;

/**
 * Lexical colouring with the language's own ANTLR lexer, so keywords, numbers, strings and
 * comments are coloured exactly as the parser sees them; token types are mapped to style ids by
 * the ide module's mapper. Scans the range it is handed, always inside a code partition (see
 * {@link MkwPartitions}): the lines an edit touched, or the span of changed semantic ranges; so
 * the lexer never starts inside a comment or string.
 */
final class LexicalScanner implements ITokenScanner {
    private final DefaultAntlrTokenToAttributeIdMapper mapper = MkwLanguage.get(DefaultAntlrTokenToAttributeIdMapper.class);
    private Lexer lexer;
    private int rangeOffset;
    private int tokenOffset;
    private int tokenLength;

    @Override
    public void setRange(IDocument document, int offset, int length) {
        String text;
        try {
            text = document.get(offset, length);
        } catch (BadLocationException e) {
            text = "";
        }
        lexer = MkwLanguage.injector().getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
        lexer.setCharStream(new ANTLRStringStream(text));
        rangeOffset = offset;
    }

    @Override
    public IToken nextToken() {
        org.antlr.runtime.Token t = lexer.nextToken();
        if (t == null || t.getType() == org.antlr.runtime.Token.EOF) return Token.EOF;
        CommonToken c = (CommonToken) t;
        tokenOffset = rangeOffset + c.getStartIndex();
        tokenLength = c.getStopIndex() - c.getStartIndex() + 1;
        TextAttribute attribute = MkwStyles.of(mapper.getId(t.getType()));
        return attribute == null ? Token.UNDEFINED : new Token(attribute);
    }

    @Override
    public int getTokenOffset() {
        return tokenOffset;
    }

    @Override
    public int getTokenLength() {
        return tokenLength;
    }
}
