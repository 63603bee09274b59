package dev.mkw.dsl.ide.server;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.mkw.dsl.ide.refactoring.Declarations;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;

/**
 * {@code textDocument/references} with the same search as the workbench's Find References: the
 * server's workspace index picks the files, {@link ReferenceSearch} finds the spelled names
 * (a task or protocol is also found as the qualifier of its threads' and messages' references).
 */
public class MkwReferences extends DocumentSymbolService {
    @Inject private Declarations declarations;
    @Inject private ReferenceSearch search;

    @Override
    public List<? extends Location> getReferences(Document document, XtextResource resource, ReferenceParams params,
            IReferenceFinder.IResourceAccess resourceAccess, IResourceDescriptions index, CancelIndicator cancel) {
        boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        EObject declaration = declarations.at(resource, document.getOffSet(params.getPosition()));
        if (declaration == null) return List.of();
        var files = ReferenceSearch.candidates(index, declaration);
        return search.find(declaration, files, cancel).stream()
                .filter(o -> withDeclaration || !o.declaration())
                .map(LspLocations::location)
                .toList();
    }
}
