package dev.mkw.dsl.ui.navigation;

import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.texteditor.ITextEditor;

/** Ctrl+click on a thread or protocol-message reference opens its declaration. */
public final class MkwHyperlinkDetector implements IHyperlinkDetector {
    private final ITextEditor editor;
    private final Supplier<URI> uri;

    public MkwHyperlinkDetector(ITextEditor editor, Supplier<URI> uri) {
        this.editor = editor;
        this.uri = uri;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        URI u = uri.get();
        if (u == null || viewer.getDocument() == null) return null;
        Definitions.Link link = Definitions.at(viewer.getDocument().get(), region.getOffset(), u);
        if (link == null) return null;
        IRegion linkRegion = new Region(link.offset(), link.length());
        return new IHyperlink[] {new IHyperlink() {
            @Override
            public IRegion getHyperlinkRegion() {
                return linkRegion;
            }

            @Override
            public String getTypeLabel() {
                return "Declaration";
            }

            @Override
            public String getHyperlinkText() {
                return "Open Declaration";
            }

            @Override
            public void open() {
                Navigator.open(editor, link.target(), u);
            }
        }};
    }
}
