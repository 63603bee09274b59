package dev.mkw.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;

import dev.mkw.dsl.mkw.Acceptor;
import dev.mkw.dsl.mkw.Attach;
import dev.mkw.dsl.mkw.Call;
import dev.mkw.dsl.mkw.CancelIpc;
import dev.mkw.dsl.mkw.CapDecl;
import dev.mkw.dsl.mkw.CapItem;
import dev.mkw.dsl.mkw.IoPorts;
import dev.mkw.dsl.mkw.IrqTarget;
import dev.mkw.dsl.mkw.IrqAttach;
import dev.mkw.dsl.mkw.KernelSetting;
import dev.mkw.dsl.mkw.Load;
import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.MapItem;
import dev.mkw.dsl.mkw.MessageBody;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Protocol;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Receive;
import dev.mkw.dsl.mkw.Region;
import dev.mkw.dsl.mkw.Reply;
import dev.mkw.dsl.mkw.ReplyWait;
import dev.mkw.dsl.mkw.Store;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.mkw.ThreadTarget;
import dev.mkw.dsl.mkw.TimeUnit;
import dev.mkw.dsl.mkw.TimeValue;
import dev.mkw.dsl.mkw.Touch;
import dev.mkw.dsl.mkw.Unmap;
import dev.mkw.dsl.mkw.Wait;
import dev.mkw.dsl.mkw.WaitNotify;
import dev.mkw.dsl.translate.Numbers;
import dev.mkw.dsl.translate.ScenarioTranslator;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.scenario.MachineSpec;

/**
 * The rules a scenario must follow beyond its syntax. Each message names what is wrong and
 * how to fix it; each carries an issue code, and where an obvious fix exists the issue data
 * holds the replacement text for the flagged range ({@link IssueFixes} turns it into an edit).
 */
@ComposedChecks(validators = {MachineValidator.class, LimitsValidator.class, ImportValidator.class, ParamValidator.class, ThreadCountValidator.class, DeviceValidator.class})
public class MkwValidator extends AbstractMkwValidator {

    /** Largest relative L4 timeout: mantissa 10 bits, exponent 5 bits, 2^e * m microseconds. */
    public static final long MAX_TIMEOUT_US = 1023L << 31;
    private static final long PAGE = 4096;

    @Check
    public void schedulerPolicyExists(KernelSetting s) {
        known("scheduler policy", s.getPolicy(), new TreeSet<>(KnownNames.schedulerPolicies()), MkwPackage.Literals.KERNEL_SETTING__POLICY, IssueCodes.UNKNOWN_POLICY);
    }

    @Check
    public void deviceTypeExists(dev.mkw.dsl.mkw.Device d) {
        known("device type", d.getType(), KnownNames.deviceTypes(), MkwPackage.Literals.DEVICE__TYPE, IssueCodes.UNKNOWN_VARIANT);
    }

    /** {@code call T via HW}: HW is a plugin's cross-domain call hardware; without the plugin the word has no effect, so it is refused. */
    @Check
    public void domainCallHardwareExists(Call c) {
        if (c.getVia() == null) return;
        if (KnownNames.domainCallHardware().isEmpty()) {
            error("no cross-domain call hardware '" + c.getVia() + "' is installed: a plugin contributes it through the extension point "
                    + dev.mkw.hw.sim.CpuFeatures.EXTENSION_POINT + " (the example plugin org.l4lab.mkw.extras has tagcall: ./mkw install-plugin)",
                    MkwPackage.Literals.CALL__VIA, IssueCodes.UNKNOWN_VARIANT);
        } else {
            known("cross-domain call hardware", c.getVia(), KnownNames.domainCallHardware(), MkwPackage.Literals.CALL__VIA, IssueCodes.UNKNOWN_VARIANT);
            String lacks = machineLacks(c);
            if (lacks != null) error(lacks, MkwPackage.Literals.CALL__VIA, IssueCodes.UNKNOWN_VARIANT);
        }
        if (c.getAccept() != null || c.getTimeout() != null) {
            error("a cross-domain call via " + c.getVia() + " has no receive window, buffer or timeout: it is a call instruction, not IPC",
                    c.getAccept() != null ? MkwPackage.Literals.CALL__ACCEPT : MkwPackage.Literals.CALL__TIMEOUT, IssueCodes.UNKNOWN_VARIANT);
        }
        if (c.getMsg() != null && !c.getMsg().getItems().isEmpty()) {
            error("a cross-domain call via " + c.getVia() + " passes words in registers; map, grant, string and capability items are IPC's",
                    MkwPackage.Literals.CALL__MSG, IssueCodes.UNKNOWN_VARIANT);
        }
    }

    /**
     * Why the scenario's machine (its preset with the file's overrides) cannot have the hardware of
     * {@code c}, or null; settings given at run time ({@code --set}) are checked again before the run.
     */
    private static String machineLacks(Call c) {
        var hw = KnownNames.domainCallHardware(c.getVia());
        if (hw == null || !(org.eclipse.xtext.EcoreUtil2.getContainerOfType(c, Model.class) instanceof Model model)) return null;
        Machine m = model.getElements().stream().filter(Machine.class::isInstance).map(Machine.class::cast).findFirst().orElse(null);
        String preset = m == null ? dev.mkw.scenario.MachineSpec.DEFAULT_PRESET : m.getPreset();
        if (preset == null || !KnownNames.presetExists(preset)) return null;
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
        if (m != null) for (var s : m.getSettings()) if (s.getKey() != null) overrides.put(s.getKey(), dev.mkw.dsl.translate.ScenarioTranslator.settingValue(s));
        dev.mkw.hw.sim.MachineDescription d;
        try {
            d = dev.mkw.hw.model.MachineFactory.describe((dev.mkw.hw.model.Machine) dev.mkw.hw.model.MachineOverrides.apply(
                    dev.mkw.hw.model.MachinePresets.get().model(preset), overrides));
        } catch (RuntimeException e) {
            return null; // an impossible machine is reported at its override
        }
        String why = hw.unsupported(d);
        if (why == null && model.getElements().stream().filter(dev.mkw.dsl.mkw.Kernel.class::isInstance).map(dev.mkw.dsl.mkw.Kernel.class::cast)
                .flatMap(k -> k.getSettings().stream()).anyMatch(s -> "small-spaces".equals(s.getKey()) && s.getSmallSpaces() == dev.mkw.dsl.mkw.OnOff.ON)) {
            why = "small address spaces (small-spaces on) switch segments, not tags";
        }
        return why == null ? null : "machine " + preset + " cannot have " + c.getVia() + ": " + why;
    }

    @Check
    public void tcbLookupExists(KernelSetting s) {
        known("tcb lookup", s.getLookup(), KnownNames.tcbLookups(), MkwPackage.Literals.KERNEL_SETTING__LOOKUP, IssueCodes.UNKNOWN_VARIANT);
    }

    /**
     * A name that lives outside the language (plugins may add more): unknown ones are errors
     * naming the closest known one (offered as a quick fix) and every known one.
     */
    private void known(String what, String name, java.util.Collection<String> known, EStructuralFeature feature, String code) {
        if (name == null || known.contains(name)) return;
        String best = Suggestions.closest(name, known);
        error("unknown " + what + " '" + name + "'" + (best == null ? "" : "; did you mean " + best + "?") + " (known: " + String.join(", ", known) + ")",
                feature, code, best == null ? new String[0] : new String[] {best});
    }

    @Check
    public void priorityInRange(Thread t) {
        if (t.getPriority() < 0 || t.getPriority() > 255) {
            error("priority " + t.getPriority() + " is outside 0..255", MkwPackage.Literals.THREAD__PRIORITY, IssueCodes.PRIORITY_RANGE, "255");
        }
    }

    @Check
    public void regionAligned(Region r) {
        if (!Numbers.fits(r.getBase()) || !Numbers.sizeFits(r.getSize())) return; // reported by LimitsValidator
        long base = Numbers.parse(r.getBase()), size = Numbers.size(r.getSize());
        // The machine's facts, from its preset's MMU format: page size and where the kernel's region begins.
        PageTableFormat format = mmuFormat(EcoreUtil2.getContainerOfType(r, Model.class));
        long page = format.pageSize(), userTop = format.userTop();
        String pageText = page % 1024 == 0 ? page / 1024 + " KiB" : page + " bytes";
        if ((base & (page - 1)) != 0) {
            error(String.format("region base 0x%x is not page aligned (%s); did you mean 0x%x?", base, pageText, base & -page),
                    MkwPackage.Literals.REGION__BASE, IssueCodes.ALIGNMENT, String.format("0x%x", base & -page));
        }
        if (size <= 0 || (size & (page - 1)) != 0) {
            error("region size " + size + " is not a positive multiple of " + pageText, MkwPackage.Literals.REGION__SIZE, IssueCodes.ALIGNMENT);
        } else if (base < 0 || base >= userTop || size > userTop - base) {
            long quarter = format.addressSpaceSize() - userTop;
            String kernelPart = quarter >= 1L << 40 ? (quarter >> 40) + " TiB" : (quarter >> 30) + " GiB";
            error(String.format("region 0x%x size %d ends beyond the user address space 0x0..0x%x (the kernel owns the top %s)", base, size, userTop - 1, kernelPart),
                    MkwPackage.Literals.REGION__SIZE, IssueCodes.REGION_OUTSIDE);
        }
        rights(r.getRights(), "rwx", MkwPackage.Literals.REGION__RIGHTS);
    }

    @Check
    public void regionsDisjoint(Task t) {
        List<Region> seen = new ArrayList<>();
        for (var m : t.getMembers()) {
            if (!(m instanceof Region r)) continue;
            long base = Numbers.parse(r.getBase()), end = base + Numbers.size(r.getSize());
            for (Region o : seen) {
                long ob = Numbers.parse(o.getBase()), oe = ob + Numbers.size(o.getSize());
                if (base < oe && ob < end) {
                    error(String.format("region 0x%x overlaps region 0x%x (line %d) of task %s", base, ob, line(o), t.getName()),
                            r, MkwPackage.Literals.REGION__BASE, IssueCodes.REGION_OVERLAP);
                    break;
                }
            }
            seen.add(r);
        }
    }

    @Check
    public void fpage(MapItem m) {
        fpage(m.getSize(), m.getBase(), MkwPackage.Literals.MAP_ITEM__SIZE, MkwPackage.Literals.MAP_ITEM__BASE);
        rights(m.getRights(), "rwx", MkwPackage.Literals.MAP_ITEM__RIGHTS);
    }

    @Check
    public void fpage(Unmap u) {
        fpage(u.getSize(), u.getBase(), MkwPackage.Literals.UNMAP__SIZE, MkwPackage.Literals.UNMAP__BASE);
        rights(u.getRights(), "rwx", MkwPackage.Literals.UNMAP__RIGHTS);
    }

    @Check
    public void fpage(Acceptor a) {
        if (a.getSize() != null) fpage(a.getSize(), a.getBase(), MkwPackage.Literals.ACCEPTOR__SIZE, MkwPackage.Literals.ACCEPTOR__BASE);
    }

    /** A flexpage is 2^s bytes (s >= 12) at a base aligned to its size. */
    private void fpage(dev.mkw.dsl.mkw.Size sizeNode, dev.mkw.dsl.mkw.Expr baseExpr, EStructuralFeature sizeF, EStructuralFeature baseF) {
        if (!Numbers.sizeFits(sizeNode)) return; // reported by LimitsValidator
        long size = Numbers.size(sizeNode);
        if (size > LimitsValidator.ADDRESS_SPACE) {
            error("a flexpage of " + sizeText(size) + " is larger than the 4 GiB address space; the largest is 4G"
                    + " (a receive window takes 'window all')", sizeF, IssueCodes.FPAGE_TOO_LARGE, "4G");
            return;
        }
        if (Numbers.log2(size) < 12) {
            long fix = size < PAGE ? PAGE : Long.highestOneBit(size - 1) << 1;
            error("a flexpage is 2^s bytes with s >= 12 (4 KiB); " + size + " is not" + (fix > 0 ? "; did you mean " + sizeText(fix) + "?" : ""),
                    sizeF, IssueCodes.FPAGE_SIZE, fix > 0 ? new String[] {sizeText(fix)} : new String[0]);
            return;
        }
        Long base = Constants.value(baseExpr);
        if (base != null && (base < 0 || base > LimitsValidator.ADDRESS_SPACE - size)) {
            error(String.format("flexpage 0x%x size %s ends beyond the 4 GiB address space", base, sizeText(size)),
                    baseF, IssueCodes.FPAGE_TOO_LARGE);
        } else if (base != null && (base & (size - 1)) != 0) {
            error(String.format("flexpage base 0x%x is not aligned to its size %s; did you mean 0x%x?", base, sizeText(size), base & -size),
                    baseF, IssueCodes.FPAGE_ALIGNMENT, String.format("0x%x", base & -size));
        }
    }

    static String sizeText(long size) {
        if (size > 1L << 40) return String.format("0x%x", size);
        if (size >= 1L << 30 && size % (1L << 30) == 0) return (size >> 30) + "G";
        if (size >= 1L << 20 && size % (1L << 20) == 0) return (size >> 20) + "M";
        if (size >= 1L << 10 && size % (1L << 10) == 0) return (size >> 10) + "K";
        return Long.toString(size);
    }

    @Check
    public void ioPorts(IoPorts p) {
        long first = Numbers.parse(p.getFirst()), last = Numbers.parse(p.getLast());
        if (first > last || last > 0xFFFF) {
            error("an I/O port range is first..last within 0..0xffff, not " + p.getFirst() + ".." + p.getLast(),
                    MkwPackage.Literals.IO_PORTS__LAST, IssueCodes.IO_PORTS);
        }
    }

    @Check
    public void capabilities(Task t) {
        Set<Integer> slots = new HashSet<>();
        for (var m : t.getMembers()) {
            if (!(m instanceof CapDecl c)) continue;
            if (!slots.add(c.getSlot())) {
                error("task " + t.getName() + " already holds a capability in slot " + c.getSlot(), c, MkwPackage.Literals.CAP_DECL__SLOT, IssueCodes.CAP_SLOT);
            }
            rights(c.getRights(), "sgr", c, MkwPackage.Literals.CAP_DECL__RIGHTS);
        }
    }

    @Check
    public void capItem(CapItem c) {
        rights(c.getRights(), "sgr", MkwPackage.Literals.CAP_ITEM__RIGHTS);
    }

    private void rights(String r, String letters, EStructuralFeature f) {
        if (r != null && !r.matches("[" + letters + "]+")) error("rights are letters of " + letters + ", not '" + r + "'", f, IssueCodes.RIGHTS);
    }

    private void rights(String r, String letters, EObject o, EStructuralFeature f) {
        if (r != null && !r.matches("[" + letters + "]+")) error("rights are letters of " + letters + ", not '" + r + "'", o, f, IssueCodes.RIGHTS);
    }

    @Check
    public void protocolWords(MessageBody m) {
        if (m.getType() == null || m.getType().eIsProxy() || m.getWords().isEmpty() && m.getType().getWords() == 0) return;
        int declared = m.getType().getWords();
        if (m.getWords().size() != declared) {
            error("protocol message " + m.getType().getName() + " has " + declared + " words, this one " + m.getWords().size(),
                    MkwPackage.Literals.MESSAGE_BODY__WORDS, IssueCodes.PROTOCOL_WORDS);
        }
    }

    /** One IRQ line has one handler thread, whether attached at the top level or by an 'attach irq' statement. */
    @Check
    public void oneHandlerPerIrq(Model model) {
        Map<Integer, String> handlers = new HashMap<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        for (EObject o : EcoreUtil2.eAllContentsAsList(model)) {
            int irq;
            String handler;
            EStructuralFeature f;
            if (o instanceof IrqAttach a && a.getHandler() != null && !a.getHandler().eIsProxy()) {
                irq = a.getLine();
                handler = ScenarioTranslator.qualified(a.getHandler());
                f = MkwPackage.Literals.IRQ_ATTACH__LINE;
            } else if (o instanceof Attach a && EcoreUtil2.getContainerOfType(a, Thread.class) != null) {
                irq = a.getLine();
                handler = ScenarioTranslator.qualified(EcoreUtil2.getContainerOfType(a, Thread.class));
                f = MkwPackage.Literals.ATTACH__LINE;
            } else {
                continue;
            }
            String first = handlers.putIfAbsent(irq, handler);
            if (first == null) firstLine.put(irq, line(o));
            else if (!first.equals(handler)) {
                error("IRQ " + irq + " is already attached to " + first + " (line " + firstLine.get(irq) + "); an IRQ line has one handler thread",
                        o, f, IssueCodes.IRQ_TWO_HANDLERS);
            }
        }
    }

    /** A call to a thread that never receives its protocol blocks until its timeout (forever by default). */
    @Check
    public void partnerReceives(Call c) {
        if (!(c.getTo() instanceof ThreadTarget tt) || tt.getThread() == null || tt.getThread().eIsProxy()) return;
        ProtocolMessage type = c.getMsg() == null ? null : c.getMsg().getType();
        if (type == null || type.eIsProxy() || !(type.eContainer() instanceof Protocol protocol)) return;
        Thread partner = tt.getThread();
        for (EObject o : EcoreUtil2.eAllContentsAsList(partner)) {
            if (o instanceof ReplyWait) return;
            ProtocolMessage accepted = o instanceof Wait w ? w.getType() : o instanceof Receive r ? r.getType() : null;
            boolean receives = o instanceof Wait || o instanceof Receive;
            if (receives && (accepted == null || accepted.eIsProxy() || accepted.eContainer() == protocol)) return;
        }
        warning("thread " + ScenarioTranslator.qualified(partner) + " never receives protocol " + protocol.getName()
                + ": this call blocks until its timeout; let it receive with 'wait any as m : " + protocol.getName() + "." + type.getName() + "'",
                MkwPackage.Literals.CALL__TO, IssueCodes.NEVER_RECEIVED);
    }

    /** Memory accesses of a thread without a pager fault, and no one resolves the fault. */
    @Check
    public void pagerForMemoryAccess(Task t) {
        if (t.getPager() != null) return;
        for (var m : t.getMembers()) {
            if (!(m instanceof Thread th) || th.getPager() != null) continue;
            for (EObject o : EcoreUtil2.eAllContentsAsList(th)) {
                if (o instanceof Touch || o instanceof Load || o instanceof Store) {
                    warning("task " + t.getName() + " has no pager, but thread " + th.getName() + " touches memory (line " + line(o)
                            + "): the page fault has no one to resolve it; add 'pager root' or a pager thread",
                            MkwPackage.Literals.TASK__NAME, IssueCodes.NO_PAGER, t.getName() + " pager root");
                    return;
                }
            }
        }
    }

    @Check
    public void timeoutEncodable(TimeValue v) {
        if (v.isNever() || v.isZero()) return;
        Long amount = Constants.value(v.getAmount());
        if (amount == null) {
            error("a timeout must be a constant (never, zero, N cycles or N us)", MkwPackage.Literals.TIME_VALUE__AMOUNT, IssueCodes.TIMEOUT_RANGE);
            return;
        }
        double mhz = clockMhz(EcoreUtil2.getContainerOfType(v, Model.class));
        double us = v.getUnit() == TimeUnit.US ? amount : amount / mhz;
        if (amount <= 0 || us < 1) {
            error("timeout " + amount + " " + v.getUnit().getLiteral() + " is shorter than 1 us, the smallest encodable L4 timeout; use 'zero'",
                    v, null, IssueCodes.TIMEOUT_RANGE, "zero");
        } else if (us > MAX_TIMEOUT_US) {
            error("timeout " + amount + " " + v.getUnit().getLiteral() + " exceeds the largest encodable L4 timeout (1023 * 2^31 us, about 25 days); use 'never'",
                    v, null, IssueCodes.TIMEOUT_RANGE, "never");
        }
    }

    /**
     * ExchangeRegisters reaches threads of the caller's own task only, unless the caller's task
     * is the privileged root task; an IRQ pseudo-thread has no IPC; a thread running the
     * statement is not in an IPC itself.
     */
    @Check
    public void cancelIpc(CancelIpc c) {
        String what = c.isAbort() ? "abort ipc" : "cancel ipc";
        if (c.getThread() instanceof IrqTarget) {
            error("an IRQ pseudo-thread has no IPC to " + (c.isAbort() ? "abort" : "cancel") + "; name a thread", MkwPackage.Literals.CANCEL_IPC__THREAD, IssueCodes.NO_IPC_TO_CANCEL);
            return;
        }
        if (!(c.getThread() instanceof ThreadTarget tt) || tt.getThread() == null || tt.getThread().eIsProxy()) return;
        Thread self = EcoreUtil2.getContainerOfType(c, Thread.class);
        if (self == null) return;
        Thread victim = tt.getThread();
        if (victim == self) {
            warning(what + " of the thread itself does nothing: while it runs this statement it is in no IPC", MkwPackage.Literals.CANCEL_IPC__THREAD, IssueCodes.NO_IPC_TO_CANCEL);
            return;
        }
        Task own = EcoreUtil2.getContainerOfType(self, Task.class), theirs = EcoreUtil2.getContainerOfType(victim, Task.class);
        if (own != null && theirs != null && own != theirs && !own.isPrivileged()) {
            error(what + " of " + ScenarioTranslator.qualified(victim) + ": a thread may only control threads of its own task " + own.getName()
                    + "; only the privileged root task ('task NAME privileged') may reach other tasks",
                    MkwPackage.Literals.CANCEL_IPC__THREAD, IssueCodes.FOREIGN_THREAD);
        }
    }

    /** L4 has one root server: one task may be the privileged root task. */
    @Check
    public void oneRootTask(Model model) {
        Task first = null;
        for (var e : model.getElements()) {
            if (!(e instanceof Task t) || !t.isPrivileged()) continue;
            if (first == null) first = t;
            else error("task " + first.getName() + " (line " + line(first) + ") is already the privileged root task; a scenario has one",
                    t, MkwPackage.Literals.TASK__PRIVILEGED, IssueCodes.TWO_ROOT_TASKS);
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

    private void bound(EObject stmt, String name, EStructuralFeature f) {
        Thread t = EcoreUtil2.getContainerOfType(stmt, Thread.class);
        if (t == null || name == null) return;
        Set<String> names = new TreeSet<>();
        for (EObject o : EcoreUtil2.eAllContentsAsList(t)) {
            if (o instanceof Receive x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof Wait x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof Call x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof ReplyWait x && x.getBind() != null) names.add(x.getBind());
            if (o instanceof WaitNotify x && x.getBind() != null) names.add(x.getBind());
        }
        if (!names.contains(name)) {
            String best = Suggestions.closest(name, names);
            error("'" + name + "' is not a received message of thread " + t.getName() + "; bind one with 'as " + name + "'"
                    + (names.isEmpty() ? "" : " (received: " + String.join(", ", names) + ")"),
                    f, IssueCodes.UNBOUND_MESSAGE, best == null ? new String[0] : new String[] {best});
        }
    }

    private static int line(EObject o) {
        var n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? 0 : n.getStartLine();
    }

    private static Machine machine(Model model) {
        if (model == null) return null;
        for (var e : model.getElements()) if (e instanceof Machine m) return m;
        return null;
    }

    static double clockMhz(Model model) {
        String preset = preset(model);
        return KnownNames.presetExists(preset) ? MachinePresets.get().description(preset).clockMhz() : 1;
    }

    /** The preset a scenario runs on: the one it names, else the default. */
    private static String preset(Model model) {
        Machine m = machine(model);
        return m == null || m.getPreset() == null ? MachineSpec.DEFAULT_PRESET : m.getPreset();
    }

    /** The MMU format of the scenario's preset (the default preset's while the named one is unknown: that is reported on its own). */
    static PageTableFormat mmuFormat(Model model) {
        String preset = preset(model);
        return MachinePresets.get().description(KnownNames.presetExists(preset) ? preset : MachineSpec.DEFAULT_PRESET).mmu().format();
    }
}
