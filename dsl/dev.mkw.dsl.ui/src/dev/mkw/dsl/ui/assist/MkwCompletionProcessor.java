package dev.mkw.dsl.ui.assist;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;

/**
 * Ctrl+Space proposals (keywords, enum values, presets, scheduler policies, threads and
 * protocol messages in scope) as JFace completion proposals replacing the typed prefix.
 * The assistant is asynchronous, so this runs in a JFace worker thread.
 */
public final class MkwCompletionProcessor implements IContentAssistProcessor {
    private final Supplier<URI> uri;
    private String error;

    public MkwCompletionProcessor(Supplier<URI> uri) {
        this.uri = uri;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        URI u = uri.get();
        if (u == null) return new ICompletionProposal[0];
        List<ContentAssistEntry> entries;
        try {
            entries = Proposals.at(viewer.getDocument().get(), offset, u);
            error = null;
        } catch (RuntimeException e) {
            // Broken input must not break the editor: show why there is nothing to propose.
            error = "No proposals: " + e;
            return new ICompletionProposal[0];
        }
        return entries.stream().map(e -> proposal(e, offset)).toArray(ICompletionProposal[]::new);
    }

    private static ICompletionProposal proposal(ContentAssistEntry e, int offset) {
        String prefix = e.getPrefix() == null ? "" : e.getPrefix();
        int start = Math.max(0, offset - prefix.length());
        String label = e.getLabel() != null ? e.getLabel() : e.getProposal();
        if (e.getDescription() != null) label += " - " + e.getDescription();
        return new CompletionProposal(e.getProposal(), start, offset - start, e.getProposal().length(), null, label, null, e.getDocumentation());
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return error;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
