package dev.mkw.dsl.ui.assist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import dev.mkw.dsl.ui.MkwLanguage;

/**
 * Content-assist entries for a caret position: the same steps as Xtext's LSP
 * ContentAssistService (contexts from the partial parse, then the ide proposal provider),
 * without LSP types. Runs off the UI thread.
 */
public final class Proposals {
    private Proposals() {}

    public static List<ContentAssistEntry> at(String text, int offset, URI uri) {
        if (offset < 0 || offset > text.length()) return List.of();
        XtextResource resource = MkwLanguage.parse(text, uri);
        ContentAssistContextFactory factory = MkwLanguage.get(ContentAssistContextFactory.class);
        // The factory parses follow elements in parallel; the ide module binds a shared pool for it.
        factory.setPool(MkwLanguage.get(ExecutorService.class));
        var contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
        IdeContentProposalAcceptor acceptor = MkwLanguage.get(IdeContentProposalAcceptor.class);
        MkwLanguage.get(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
        List<ContentAssistEntry> out = new ArrayList<>();
        for (ContentAssistEntry e : acceptor.getEntries()) out.add(e);
        return out;
    }
}
