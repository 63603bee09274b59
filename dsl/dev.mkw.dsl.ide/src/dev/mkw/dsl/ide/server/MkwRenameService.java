package dev.mkw.dsl.ide.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

import dev.mkw.dsl.ide.refactoring.Declarations;
import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;
import dev.mkw.dsl.ide.refactoring.Rename;

/**
 * {@code textDocument/rename} and {@code prepareRename} with the workbench's rename: one text
 * edit per spelled occurrence in every file of the server's workspace that refers to the
 * declaration. A refused rename (not a name, a keyword, a clash) is an error response that
 * says why, never a partial edit.
 */
public class MkwRenameService implements IRenameService2 {
    @Inject private Declarations declarations;
    @Inject private Rename rename;
    @Inject private ReferenceSearch search;

    @Override
    public WorkspaceEdit rename(Options options) {
        RenameParams params = options.getRenameParams();
        String uri = params.getTextDocument().getUri();
        return options.getLanguageServerAccess().doSyncRead(uri, context -> {
            XtextResource resource = (XtextResource) context.getResource();
            EObject declaration = declarations.at(resource, context.getDocument().getOffSet(params.getPosition()));
            if (declaration == null) throw error("There is no task, thread, protocol or message to rename here");
            var files = ReferenceSearch.candidates(LspLocations.index(resource.getResourceSet()), declaration);
            Rename.Result result = rename.rename(declaration, params.getNewName(), files, options.getCancelIndicator());
            if (!result.ok()) throw error(result.error());
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            for (Occurrence o : result.occurrences()) {
                changes.computeIfAbsent(o.file().toString(), f -> new ArrayList<>()).add(new TextEdit(LspLocations.range(o), params.getNewName()));
            }
            return new WorkspaceEdit(changes);
        });
    }

    @Override
    public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameOptions options) {
        String uri = options.getParams().getTextDocument().getUri();
        return options.getLanguageServerAccess().doSyncRead(uri, context -> {
            XtextResource resource = (XtextResource) context.getResource();
            int offset = context.getDocument().getOffSet(options.getParams().getPosition());
            EObject declaration = declarations.at(resource, offset);
            if (declaration == null) return null;
            // The range the client edits is the token under the caret (the reference's segment or the declared name).
            for (Occurrence o : search.find(declaration, java.util.Set.of(resource.getURI()), options.getCancelIndicator())) {
                if (o.file().equals(resource.getURI()) && o.offset() <= offset && offset <= o.offset() + o.length()) {
                    return Either3.forSecond(new PrepareRenameResult(LspLocations.range(o), o.text().substring(o.offset(), o.offset() + o.length())));
                }
            }
            ITextRegion name = declarations.nameRegion(declaration);
            return Either3.forFirst(new Range(context.getDocument().getPosition(name.getOffset()), context.getDocument().getPosition(name.getOffset() + name.getLength())));
        });
    }

    private static ResponseErrorException error(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
