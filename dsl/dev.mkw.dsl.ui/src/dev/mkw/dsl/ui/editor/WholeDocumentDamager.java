package dev.mkw.dsl.ui.editor;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.IPresentationDamager;

/**
 * Every change re-lexes the whole document. A multi-line comment opened or closed on one line
 * changes the colour of everything after it, and the lexer must start outside a comment; scenarios
 * are small (hundreds of lines), so this is cheaper than a partitioner. The 2000-line fixture
 * in the UI tests measures the cost.
 */
final class WholeDocumentDamager implements IPresentationDamager {
    private IDocument document;

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
        return new Region(0, document.getLength());
    }
}
