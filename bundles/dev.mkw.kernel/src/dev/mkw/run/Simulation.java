package dev.mkw.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceTypes;
import dev.mkw.hw.sim.InterruptController;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.CpuLoop;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.scenario.DeviceSpec;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.SimRandom;
import dev.mkw.sim.Trace;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.user.Names;
import dev.mkw.user.ScenarioThread;
import dev.mkw.user.Sigma0;
import dev.mkw.user.ThreadVariables;

/**
 * One run of a scenario on a machine: boots the kernel, starts devices and the timer, and
 * drives the engine. Run control ({@link #run}, {@link #step}, {@link #stepCycles},
 * {@link #requestPause}, {@link #stop}) is what the CLI and the workbench use.
 */
public final class Simulation {
    private final Scenario scenario;
    private final SimMachine machine;
    private final SimEngine engine;
    private final Kernel kernel;
    private final List<Device> devices = new ArrayList<>();

    private Simulation(Scenario scenario, SimMachine machine, DeviceTypes deviceTypes) {
        this(scenario, machine, deviceTypes, null);
    }

    private Simulation(Scenario scenario, SimMachine machine, DeviceTypes deviceTypes, java.util.function.Function<ThreadSpec, UserCode> userCode) {
        dev.mkw.kernel.sched.SchedulerPolicies.get().forId(scenario.kernel().schedulerPolicy()); // fails clearly for an unknown id
        this.scenario = scenario;
        this.machine = machine;
        RunSpec run = scenario.run();
        this.engine = new SimEngine(machine.cpuCount(), run.seed());
        Trace trace = switch (run.trace()) {
            case OFF -> Trace.off();
            case ON -> new Trace(Trace.Mode.ON, 0);
            case RING -> new Trace(Trace.Mode.RING, run.traceRing());
        };
        this.kernel = new Kernel(machine, scenario.kernel(), engine, trace);
        bootUserLevel(scenario, userCode);
        if (run.untilCycles() > 0) engine.setCycleLimit(run.untilCycles());
        InterruptController pic = machine.interruptController();
        pic.setListener(line -> {
            kernel.interrupts().raised(line, engine.now());
            if (line == kernel.timerLine()) kernel.localTimersTick();
            kernel.processor(kernel.interrupts().routeOf(line)).wake();
        });
        SimRandom deviceRandom = engine.random().split();
        // The machine's own devices: its timer, which the kernel programs to its tick, and those the preset declares.
        for (Device d : machine.createDevices(deviceTypes, scenario.kernel().timesliceCycles())) {
            devices.add(d);
            if (d.irq() != kernel.timerLine()) kernel.deviceOn(d.irq());
        }
        Map<Device, String> origins = new java.util.IdentityHashMap<>();
        for (DeviceSpec d : scenario.devices()) {
            dev.mkw.hw.sim.DeviceType type;
            // The plugin that contributed each device's type, to name it if the device throws.
            try {
                type = deviceTypes.get(d.type());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(d.at() + ": " + e.getMessage(), e);
            }
            try {
                Device device = type.create(d.name(), d.irq(), d.parameters());
                devices.add(device);
                origins.put(device, dev.mkw.sim.contrib.Contributions.origin(type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(d.at() + ": " + e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                // A plugin's bug, not the user's: say whose, leave the device out, run the rest.
                kernel.error(dev.mkw.kernel.KernelError.Kind.PLUGIN, null, d.at(), PluginFailure.message("device type '" + d.type() + "'", type, "creating device " + d.name(), e), false);
                continue;
            }
            kernel.deviceOn(d.irq());
        }
        for (Device d : devices) new GuardedDeviceContext(d, origins.get(d), engine, pic, deviceRandom.split(), kernel).start();
        CpuLoop.startAll(kernel);
    }

    /**
     * Boot the kernel with the user level: an interpreter per thread and sigma0, then hand
     * every program the thread IDs (as a root server would) and sigma0 the regions it backs.
     */
    private void bootUserLevel(Scenario scenario, java.util.function.Function<ThreadSpec, UserCode> userCode) {
        int frame = machine.memory().frameSize();
        Sigma0 sigma0 = new Sigma0(() -> kernel.frames().allocate(frame));
        kernel.bootFrom(scenario, th -> {
            UserCode own = userCode == null ? null : userCode.apply(th);
            return own != null ? own : new ScenarioThread(th);
        }, sigma0);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Tcb t : kernel.threads()) ids.put(t.name, t.id);
        Names names = new Names(ids, scenario.kernel().naming() == dev.mkw.kernel.KernelConfig.Naming.CAPABILITIES,
                machine.interruptController().lines());
        for (TaskSpec task : scenario.tasks()) {
            for (ThreadSpec th : task.threads()) {
                Tcb t = kernel.thread(task.name() + "." + th.name());
                if (t.user instanceof ScenarioThread st) st.setNames(names, t.name);
                if (t.pager == kernel.sigma0Thread()) sigma0.serve(t.id, task.name(), task.regions());
            }
        }
        kernel.setLabelNames(ProtocolLabels.of(scenario));
    }

    /** The program state (variables, bound messages) of thread {@code qualifiedName}'s interpreter, or null. */
    public ThreadVariables userState(String qualifiedName) {
        Tcb t = kernel.thread(qualifiedName);
        return t != null && t.user instanceof ScenarioThread s ? s.variables() : null;
    }

    /** Create a run; throws IllegalArgumentException with a clear message for an impossible configuration. */
    public static Simulation create(Scenario scenario, SimMachine machine) {
        return new Simulation(scenario, machine, DeviceTypes.standard());
    }

    /**
     * A run in which {@code userCode} may give threads user-level code of its own (null: the
     * scenario interpreter runs the thread's program): property tests put hostile code there
     * that issues system calls with arbitrary register contents.
     */
    public static Simulation create(Scenario scenario, SimMachine machine, java.util.function.Function<ThreadSpec, UserCode> userCode) {
        return new Simulation(scenario, machine, DeviceTypes.standard(), userCode);
    }

    public static Simulation create(Scenario scenario, SimMachine machine, DeviceTypes devices) {
        return new Simulation(scenario, machine, devices);
    }

    /** Run until the scenario's stop condition (all threads ended, cycle limit), a pause or an error. */
    public SimEngine.StopReason run() {
        return engine.run(null);
    }

    public SimEngine.StopReason step(long events) { return engine.step(events); }

    public SimEngine.StopReason stepCycles(long cycles) { return engine.stepCycles(cycles); }

    public void requestPause() { engine.requestPause(); }

    public void stop() { engine.stop(); }

    public boolean isFinished() { return kernel.finished() || engine.isStopped() || !engine.hasWork(); }

    public SimEngine engine() { return engine; }

    public Kernel kernel() { return kernel; }

    public Scenario scenario() { return scenario; }

    /** Snapshots of address spaces, IRQs, capabilities and messages for the inspect views. */
    public dev.mkw.kernel.inspect.Inspector inspector() { return new dev.mkw.kernel.inspect.Inspector(kernel); }

    public SimMachine machine() { return machine; }

    /** Snapshot of the threads (for views; call while the run is paused or finished). */
    public List<ThreadInfo> threads() {
        return inspector().threads();
    }

    /** Check that every cycle of each CPU's clock is in exactly one account; throws on a mismatch (an MKW bug). */
    public void checkAccounting() {
        for (int cpu = 0; cpu < machine.cpuCount(); cpu++) kernel.accounting().check(cpu, engine.cpuClock(cpu));
    }
}
