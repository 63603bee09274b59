package dev.mkw.dsl.ide.refactoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;

/**
 * Renames a task, thread, protocol or protocol message in every file that spells its name:
 * the declaration and each reference ({@link ReferenceSearch}), as text edits per file. Refuses
 * a new name the grammar would not parse as a name (not an identifier, or a keyword) and one
 * that another declaration of the same kind already has in a file it touches.
 */
public class Rename {
    /** One replacement in one file. */
    public record Edit(int offset, int length, String newText) {}

    /** The outcome: the edits per file (in offset order), or why the rename is refused. */
    public record Result(Map<URI, List<Edit>> edits, String error, List<Occurrence> occurrences) {
        public boolean ok() {
            return error == null;
        }

        static Result refused(String error) {
            return new Result(Map.of(), error, List.of());
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    @Inject private ReferenceSearch search;
    @Inject private Declarations declarations;
    @Inject private IGrammarAccess grammar;

    /** Why {@code newName} cannot name {@code declaration}, or null when it can. */
    public String checkName(EObject declaration, String newName) {
        if (newName == null || !ID.matcher(newName).matches()) return "'" + newName + "' is not a name: letters, digits and '_', not starting with a digit";
        boolean pagerAllowed = declaration instanceof Task || declaration instanceof Thread; // rule Name: ID | 'pager'
        if (!(pagerAllowed && newName.equals("pager")) && GrammarUtil.getAllKeywords(grammar.getGrammar()).contains(newName)) {
            return "'" + newName + "' is a keyword of the scenario language";
        }
        return null;
    }

    /** The edits that rename {@code declaration} to {@code newName} in {@code files} (see {@link ReferenceSearch#candidates}). */
    public Result rename(EObject declaration, String newName, Set<URI> files, CancelIndicator cancel) {
        if (!Declarations.isRenameable(declaration)) return Result.refused("Only tasks, threads, protocols and protocol messages can be renamed");
        String bad = checkName(declaration, newName);
        if (bad != null) return Result.refused(bad);
        QualifiedName old = declarations.qualifiedName(declaration);
        if (old == null) return Result.refused("The declaration has no name");
        if (old.getLastSegment().equals(newName)) return Result.refused("The new name is the current name");
        List<Occurrence> occurrences = search.find(declaration, files, cancel);
        String clash = clash(declaration, old.skipLast(1).append(newName));
        if (clash != null) return Result.refused(clash);
        Map<URI, List<Edit>> edits = new LinkedHashMap<>();
        for (Occurrence o : occurrences) edits.computeIfAbsent(o.file(), f -> new ArrayList<>()).add(new Edit(o.offset(), o.length(), newName));
        return new Result(edits, null, occurrences);
    }

    /** A declaration of the same kind already named {@code target} in a loaded file (the declaration's own and those searched). */
    private String clash(EObject declaration, QualifiedName target) {
        for (Resource r : declaration.eResource().getResourceSet().getResources()) {
            for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
                EObject o = it.next();
                if (o != declaration && o.eClass() == declaration.eClass() && target.equals(declarations.qualifiedName(o))) {
                    return "There is already a " + Declarations.kind(o) + " named '" + target + "' in " + r.getURI().lastSegment();
                }
            }
        }
        return null;
    }
}
