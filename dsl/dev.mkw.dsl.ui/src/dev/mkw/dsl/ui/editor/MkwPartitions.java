package dev.mkw.dsl.ui.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits a scenario into comments, strings and code. Only the code partitions are lexed with the
 * language's lexer, and only the lines an edit touched: the lexer can start at any line of a code
 * partition because no comment or string is open there. Without partitions every keystroke had
 * to re-lex the whole document (20-80 ms of UI time on a 2000-line scenario).
 */
public final class MkwPartitions implements IDocumentSetupParticipant {
    public static final String PARTITIONING = "dev.mkw.dsl.ui.partitioning";
    public static final String COMMENT = "__mkw_comment";
    public static final String LINE_COMMENT = "__mkw_line_comment";
    public static final String STRING = "__mkw_string";
    static final String[] CONTENT_TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, LINE_COMMENT, STRING};

    @Override
    public void setup(IDocument document) {
        IDocumentExtension3 doc = (IDocumentExtension3) document;
        if (doc.getDocumentPartitioner(PARTITIONING) != null) return;
        FastPartitioner partitioner = new FastPartitioner(scanner(), CONTENT_TYPES);
        doc.setDocumentPartitioner(PARTITIONING, partitioner);
        partitioner.connect(document);
    }

    /** The terminals of org.eclipse.xtext.common.Terminals that can hide code: ML_COMMENT, SL_COMMENT and STRING (both quotes, with escapes). */
    private static RuleBasedPartitionScanner scanner() {
        IToken comment = new Token(COMMENT), line = new Token(LINE_COMMENT), string = new Token(STRING);
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        scanner.setPredicateRules(new IPredicateRule[] {
                new EndOfLineRule("//", line),
                new MultiLineRule("/*", "*/", comment, (char) 0, true),
                new MultiLineRule("\"", "\"", string, '\\', true),
                new MultiLineRule("'", "'", string, '\\', true)});
        return scanner;
    }
}
