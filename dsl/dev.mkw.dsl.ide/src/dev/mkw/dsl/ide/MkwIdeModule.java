package dev.mkw.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;

import dev.mkw.dsl.ide.contentassist.MkwContentProposals;
import dev.mkw.dsl.ide.highlighting.MkwHighlighting;
import dev.mkw.dsl.ide.outline.MkwSymbolNames;
import dev.mkw.dsl.ide.server.MkwReferences;
import dev.mkw.dsl.ide.server.MkwRenameService;

/**
 * Guice bindings of the generic IDE services, used by the language server and by the
 * workbench editor. What it adds: proposals for names that live outside the language
 * (presets, scheduler policies), semantic highlighting, outline names for unnamed sections,
 * and references and rename through the same search the workbench uses
 * ({@link dev.mkw.dsl.ide.refactoring.ReferenceSearch}).
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

    public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
        return MkwReferences.class;
    }

    @Override
    public Class<? extends IRenameService2> bindIRenameService2() {
        return MkwRenameService.class;
    }
}
