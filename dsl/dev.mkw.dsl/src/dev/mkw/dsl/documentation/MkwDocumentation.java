package dev.mkw.dsl.documentation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;

import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.translate.Numbers;
import dev.mkw.dsl.translate.ScenarioTranslator;
import dev.mkw.dsl.validation.KnownNames;
import dev.mkw.hw.model.MachinePresets;

/**
 * Hover text: the facts about an element a reader otherwise looks up elsewhere (a preset's
 * machine, a protocol message's layout, a thread's scheduling and pager), followed by the
 * element's own comment.
 */
public class MkwDocumentation extends MultiLineCommentDocumentationProvider {

    @Override
    public String getDocumentation(EObject o) {
        String facts = facts(o);
        String comment = super.getDocumentation(o);
        if (facts == null) return comment;
        return comment == null ? facts : facts + "\n\n" + comment;
    }

    private static String facts(EObject o) {
        return switch (o) {
            case Machine m when KnownNames.presetExists(m.getPreset()) -> MachinePresets.get().describe(m.getPreset());
            case ProtocolMessage m -> "message " + m.getName() + ": label " + (m.getLabel() == null ? "0" : Numbers.parse(m.getLabel()))
                    + ", " + m.getWords() + " untyped words";
            case Thread t -> "thread " + ScenarioTranslator.qualified(t) + ": priority " + t.getPriority() + ", cpu " + t.getCpu()
                    + (t.getTimeslice() == null ? "" : ", timeslice " + t.getTimeslice() + " cycles") + (t.isUsesFpu() ? ", uses the FPU" : "")
                    + pager(t);
            case Task t -> "task " + t.getName() + " (one address space)" + (t.getPager() == null ? ", no pager"
                    : t.getPager().isRoot() ? ", paged by the root pager (sigma0)" : t.getPager().getThread() == null ? "" : ", paged by " + ScenarioTranslator.qualified(t.getPager().getThread()));
            default -> null;
        };
    }

    private static String pager(Thread t) {
        var p = t.getPager() != null ? t.getPager() : t.eContainer() instanceof Task task ? task.getPager() : null;
        if (p == null) return ", no pager";
        if (p.isRoot()) return ", pager: root (sigma0)";
        return p.getThread() == null || p.getThread().eIsProxy() ? "" : ", pager: " + ScenarioTranslator.qualified(p.getThread());
    }
}
