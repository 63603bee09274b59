package dev.mkw.dsl.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import dev.mkw.dsl.mkw.Device;
import dev.mkw.dsl.mkw.Element;
import dev.mkw.dsl.mkw.IoPorts;
import dev.mkw.dsl.mkw.IrqAttach;
import dev.mkw.dsl.mkw.Kernel;
import dev.mkw.dsl.mkw.KernelSetting;
import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.MachineSetting;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.PagerRef;
import dev.mkw.dsl.mkw.Region;
import dev.mkw.dsl.mkw.Run;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.TaskMember;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.scenario.DeviceSpec;
import dev.mkw.scenario.IrqAttachment;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelVariants;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Maps a validated scenario AST onto the kernel's {@link Scenario} model, with the source
 * position of every task, thread and operation. Elements of imported files are merged in
 * (protocols and tasks of a shared library file, for example).
 */
public final class ScenarioTranslator {
    private final Positions at;
    private double clockMhz = 1;

    private final String defaultPreset;

    public ScenarioTranslator(String file) {
        this(file, MachineSpec.DEFAULT_PRESET);
    }

    /** @param defaultPreset the machine of a scenario that names none (a workbench preference) */
    public ScenarioTranslator(String file, String defaultPreset) {
        this.at = new Positions(file);
        this.defaultPreset = defaultPreset;
    }

    public Scenario translate(Model model, List<Model> imported) {
        List<Element> elements = new ArrayList<>();
        for (Model m : imported) elements.addAll(m.getElements());
        elements.addAll(model.getElements());
        MachineSpec machine = MachineSpec.preset(defaultPreset);
        KernelConfig kernel = KernelConfig.defaults();
        RunSpec run = RunSpec.defaults();
        List<TaskSpec> tasks = new ArrayList<>();
        List<IrqAttachment> irqs = new ArrayList<>();
        List<DeviceSpec> devices = new ArrayList<>();
        for (Element e : elements) {
            if (e instanceof Machine m) machine = machine(m);
        }
        if (MachinePresets.get().exists(machine.preset())) clockMhz = MachinePresets.get().description(machine.preset()).clockMhz();
        OpTranslator ops = new OpTranslator(at, clockMhz);
        for (Element e : elements) {
            if (e instanceof Kernel k) kernel = kernel(k, kernel);
            else if (e instanceof Task t) tasks.add(task(t, ops));
            else if (e instanceof IrqAttach a) irqs.add(new IrqAttachment(a.getLine(), qualified(a.getHandler()), at.of(a)));
            else if (e instanceof Device d) devices.add(device(d));
            else if (e instanceof Run r) run = run(r);
        }
        return new Scenario(model.getTitle(), model.getDescription() == null ? "" : model.getDescription(), at.of(model).file(),
                machine, kernel, tasks, irqs, devices, run);
    }

    private MachineSpec machine(Machine m) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (MachineSetting s : m.getSettings()) overrides.put(s.getKey(), settingValue(s));
        return new MachineSpec(m.getPreset(), overrides);
    }

    /** An override's value as the hardware model reads it: a number in decimal, else the text (true, false, a word). */
    public static String settingValue(MachineSetting s) {
        return s.getValue() != null ? Long.toString(Numbers.parse(s.getValue())) : s.getText();
    }

    /** The kernel block through the one declaration of the variants ({@link KernelVariants}). */
    private KernelConfig kernel(Kernel k, KernelConfig c) {
        for (KernelSetting s : k.getSettings()) {
            KernelVariants.Variant v = KernelVariants.byWord(s.getKey());
            if (v == null) throw new IllegalStateException("kernel setting " + s.getKey() + " has no variant");
            String value = s.getKey().equals("timeslice") ? Long.toString(Numbers.parse(s.getTimeslice()))
                    : org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(s))
                            .substring(s.getKey().length()).trim();
            c = v.apply(c, value);
        }
        return c;
    }

    private TaskSpec task(Task t, OpTranslator ops) {
        List<TaskSpec.RegionSpec> regions = new ArrayList<>();
        List<TaskSpec.IoPortRange> ports = new ArrayList<>();
        List<ThreadSpec> threads = new ArrayList<>();
        List<TaskSpec.CapSpec> caps = new ArrayList<>();
        for (TaskMember m : t.getMembers()) {
            if (m instanceof dev.mkw.dsl.mkw.CapDecl c) {
                caps.add(new TaskSpec.CapSpec(c.getSlot(), qualified(c.getTarget()), c.getBadge() == null ? 0 : Numbers.parse(c.getBadge()),
                        c.getRights() == null ? "sgr" : c.getRights()));
            }
            if (m instanceof Region r) {
                regions.add(new TaskSpec.RegionSpec(Numbers.parse(r.getBase()), Numbers.size(r.getSize()), r.getRights() == null ? "rw" : r.getRights(), at.of(r)));
            } else if (m instanceof IoPorts p) {
                ports.add(new TaskSpec.IoPortRange((int) Numbers.parse(p.getFirst()), (int) Numbers.parse(p.getLast())));
            } else if (m instanceof Thread th) {
                for (int i = 0; i < ThreadCount.of(th); i++) {
                    List<dev.mkw.scenario.Op> body = new ArrayList<>();
                    // A counted thread's number is a variable its body starts with (as i).
                    if (th.getIndex() != null) body.add(new dev.mkw.scenario.Op.Let(th.getIndex(), new dev.mkw.scenario.Expr.Const(i), at.of(th)));
                    body.addAll(ops.block(th.getBody()));
                    threads.add(new ThreadSpec(ThreadCount.name(th, i), th.getPriority(), th.getTimeslice() == null ? 0 : Numbers.parse(th.getTimeslice()),
                            th.eIsSet(dev.mkw.dsl.mkw.MkwPackage.Literals.THREAD__CPU) ? th.getCpu() : ThreadSpec.ANY_CPU, th.isUsesFpu(), pager(th.getPager()), th.getHandler() == null ? null : qualified(th.getHandler()),
                            body, at.of(th)));
                }
            }
        }
        return new TaskSpec(t.getName(), pager(t.getPager()), t.getHandler() == null ? null : qualified(t.getHandler()),
                regions, ports, caps, threads, at.of(t), t.isPrivileged());
    }

    private static String pager(PagerRef p) {
        if (p == null) return null;
        return p.isRoot() ? TaskSpec.ROOT_PAGER : qualified(p.getThread());
    }

    /** {@code task.thread} of a thread declaration. */
    public static String qualified(Thread t) {
        EObject task = t.eContainer();
        return (task instanceof Task tk ? tk.getName() + "." : "") + t.getName();
    }

    private DeviceSpec device(Device d) {
        return new DeviceSpec(d.getType(), d.getName(), d.getIrq(), DeviceValues.of(d), at.of(d));
    }

    private RunSpec run(Run r) {
        RunSpec s = RunSpec.defaults();
        if (r.getUntilCycles() != null) s = new RunSpec(Numbers.parse(r.getUntilCycles()), false, s.seed(), s.trace(), s.traceRing());
        if (r.getSeed() != null) s = s.withSeed(Numbers.parse(r.getSeed()));
        switch (r.getTrace()) {
            case TRACE_ON -> s = s.withTrace(RunSpec.Trace.ON, 0);
            case TRACE_RING -> s = s.withTrace(RunSpec.Trace.RING, r.getRing() == null ? 10_000 : (int) Numbers.parse(r.getRing()));
            default -> { }
        }
        return s;
    }
}
