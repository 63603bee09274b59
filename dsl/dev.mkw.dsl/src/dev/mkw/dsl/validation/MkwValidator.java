package dev.mkw.dsl.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import dev.mkw.dsl.mkw.Call;
import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.MapItem;
import dev.mkw.dsl.mkw.MessageBody;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Receive;
import dev.mkw.dsl.mkw.Region;
import dev.mkw.dsl.mkw.Reply;
import dev.mkw.dsl.mkw.ReplyWait;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.mkw.Unmap;
import dev.mkw.dsl.mkw.Wait;
import dev.mkw.dsl.mkw.WaitNotify;
import dev.mkw.dsl.translate.Numbers;
import dev.mkw.hw.model.MachinePresets;

/**
 * The rules a scenario must follow beyond its syntax, each with an issue code a quick fix
 * can act on ({@link IssueCodes}).
 */
public class MkwValidator extends AbstractMkwValidator {

    @Check
    public void presetExists(Machine m) {
        MachinePresets presets = MachinePresets.get();
        if (!presets.exists(m.getPreset())) {
            String best = Suggestions.closest(m.getPreset(), presets.ids());
            error("unknown machine preset '" + m.getPreset() + "'" + (best == null ? "" : "; did you mean " + best + "?")
                    + " (known: " + String.join(", ", presets.ids()) + ")",
                    MkwPackage.Literals.MACHINE__PRESET, IssueCodes.UNKNOWN_PRESET, best == null ? new String[0] : new String[] {best});
        }
    }

    @Check
    public void priorityInRange(Thread t) {
        if (t.getPriority() < 0 || t.getPriority() > 255) {
            error("priority " + t.getPriority() + " is outside 0..255", MkwPackage.Literals.THREAD__PRIORITY, IssueCodes.PRIORITY_RANGE);
        }
    }

    @Check
    public void regionAligned(Region r) {
        long base = Numbers.parse(r.getBase()), size = Numbers.size(r.getSize());
        if ((base & 0xFFF) != 0) error(String.format("region base 0x%x is not page aligned (4 KiB)", base), MkwPackage.Literals.REGION__BASE, IssueCodes.ALIGNMENT);
        if (size <= 0 || (size & 0xFFF) != 0) error("region size " + size + " is not a positive multiple of 4 KiB", MkwPackage.Literals.REGION__SIZE, IssueCodes.ALIGNMENT);
        rights(r.getRights(), MkwPackage.Literals.REGION__RIGHTS);
    }

    @Check
    public void fpageSize(MapItem m) {
        long size = Numbers.size(m.getSize());
        if (Numbers.log2(size) < 12) error("a flexpage is 2^s bytes with s >= 12 (4 KiB); " + size + " is not", MkwPackage.Literals.MAP_ITEM__SIZE, IssueCodes.FPAGE_SIZE);
        rights(m.getRights(), MkwPackage.Literals.MAP_ITEM__RIGHTS);
    }

    @Check
    public void unmapSize(Unmap u) {
        long size = Numbers.size(u.getSize());
        if (Numbers.log2(size) < 12) error("a flexpage is 2^s bytes with s >= 12 (4 KiB); " + size + " is not", MkwPackage.Literals.UNMAP__SIZE, IssueCodes.FPAGE_SIZE);
        rights(u.getRights(), MkwPackage.Literals.UNMAP__RIGHTS);
    }

    private void rights(String r, org.eclipse.emf.ecore.EStructuralFeature f) {
        if (r != null && !r.matches("[rwx]+")) error("rights are letters of rwx, not '" + r + "'", f, IssueCodes.RIGHTS);
    }

    @Check
    public void protocolWords(MessageBody m) {
        if (m.getType() == null || m.getWords().isEmpty() && m.getType().getWords() == 0) return;
        int declared = m.getType().getWords();
        if (m.getWords().size() != declared) {
            error("protocol message " + m.getType().getName() + " has " + declared + " words, this one " + m.getWords().size(),
                    MkwPackage.Literals.MESSAGE_BODY__WORDS, IssueCodes.PROTOCOL_WORDS);
        }
    }

    /** A reply names a message received earlier in the same thread ({@code as req}). */
    @Check
    public void replyToBoundMessage(Reply r) {
        bound(r, r.getTo(), MkwPackage.Literals.REPLY__TO);
    }

    @Check
    public void replyWaitToBoundMessage(ReplyWait r) {
        bound(r, r.getTo(), MkwPackage.Literals.REPLY_WAIT__TO);
    }

    private void bound(EObject stmt, String name, org.eclipse.emf.ecore.EStructuralFeature f) {
        Thread t = EcoreUtil2.getContainerOfType(stmt, Thread.class);
        if (t == null) return;
        Set<String> names = new HashSet<>();
        for (EObject o : EcoreUtil2.eAllContentsAsList(t)) {
            if (o instanceof Receive x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof Wait x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof Call x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof ReplyWait x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof WaitNotify x && x.getBind() != null) names.add(x.getBind());
        }
        if (!names.contains(name)) {
            error("'" + name + "' is not a received message of thread " + t.getName() + "; bind one with 'as " + name + "'"
                    + (names.isEmpty() ? "" : " (received: " + String.join(", ", List.copyOf(new java.util.TreeSet<>(names))) + ")"),
                    f, IssueCodes.UNBOUND_MESSAGE);
        }
    }
}
