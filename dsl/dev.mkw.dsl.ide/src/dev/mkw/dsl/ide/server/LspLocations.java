package dev.mkw.dsl.ide.server;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ChunkedResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceSetBasedResourceDescriptions;

import dev.mkw.dsl.ide.refactoring.Occurrence;

/** Occurrences as LSP ranges and locations, and the language server's index of a resource set. */
final class LspLocations {
    private LspLocations() {}

    static Range range(Occurrence o) {
        int line = o.line() - 1, column = o.column();
        return new Range(new Position(line, column), new Position(line, column + o.length()));
    }

    static Location location(Occurrence o) {
        return new Location(o.file().toString(), range(o));
    }

    /**
     * The workspace index the server's project manager attached to its resource set (every file
     * under the workspace folders); outside the server, the files loaded in the set.
     */
    static IResourceDescriptions index(ResourceSet set) {
        IResourceDescriptions index = ChunkedResourceDescriptions.findInEmfObject(set);
        if (index != null) return index;
        ResourceSetBasedResourceDescriptions loaded = new ResourceSetBasedResourceDescriptions();
        loaded.setContext(set);
        return loaded;
    }
}
