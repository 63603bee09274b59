package dev.mkw.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

import dev.mkw.dsl.ide.contentassist.MkwContentProposals;
import dev.mkw.dsl.ide.highlighting.MkwHighlighting;
import dev.mkw.dsl.ide.outline.MkwSymbolNames;

/**
 * Guice bindings of the generic IDE services, used by the language server and by the
 * workbench editor. What it adds: proposals for names that live outside the language
 * (presets, scheduler policies), semantic highlighting, outline names for unnamed sections.
 * Hover text and formatting come from the runtime module (documentation provider, formatter).
 */
public class MkwIdeModule extends AbstractMkwIdeModule {

    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return MkwContentProposals.class;
    }

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return MkwHighlighting.class;
    }

    public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
        return MkwSymbolNames.class;
    }
}
