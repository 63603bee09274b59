package dev.mkw.dsl.ide.contentassist;

import java.util.Collection;
import java.util.List;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import dev.mkw.dsl.validation.KnownNames;

/**
 * Content assist for the names the grammar cannot list because they live elsewhere: machine
 * presets (hardware model), scheduler policies (kernel registry) and access rights.
 * Keywords and cross references (threads, protocol messages) come from the generic provider.
 */
public class MkwContentProposals extends IdeContentProposalProvider {

    @Override
    protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        ParserRule rule = GrammarUtil.containingParserRule(assignment);
        String where = (rule == null ? "" : rule.getName()) + "." + assignment.getFeature();
        Collection<String> names = switch (where) {
            case "Machine.preset" -> KnownNames.presets();
            case "KernelSetting.policy" -> KnownNames.schedulerPolicies();
            case "Region.rights", "MapItem.rights", "Unmap.rights" -> List.of("rw", "r", "rx", "rwx");
            case "CapDecl.rights", "CapItem.rights" -> List.of("s", "sg", "sgr");
            default -> null;
        };
        if (names == null) {
            super._createProposals(assignment, context, acceptor);
            return;
        }
        for (String name : names) {
            ContentAssistEntry entry = getProposalCreator().createProposal(name, context);
            if (entry != null) acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
        }
    }
}
