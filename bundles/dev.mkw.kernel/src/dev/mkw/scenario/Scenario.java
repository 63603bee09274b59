package dev.mkw.scenario;

import dev.mkw.kernel.KernelConfig;
import java.util.List;

/**
 * One experiment: a machine, the kernel's variant settings, tasks with threads, IRQ
 * attachments, devices and how long to run.
 *
 * @param name        the scenario's name, used in reports
 * @param description free text shown in reports
 * @param source      where the scenario came from (file path), for messages; may be empty
 * @param machine     the machine preset and field overrides
 * @param kernel      the kernel variant settings
 * @param tasks       the tasks (address spaces) with their threads
 * @param irqs        static IRQ attachments ({@code irq 4 -> driver.handler})
 * @param devices     devices that raise IRQs
 * @param run         stop condition, seed and trace settings
 */
public record Scenario(String name, String description, String source, MachineSpec machine,
        KernelConfig kernel, List<TaskSpec> tasks, List<IrqAttachment> irqs, List<DeviceSpec> devices,
        RunSpec run) {

    public Scenario {
        tasks = List.copyOf(tasks);
        irqs = List.copyOf(irqs);
        devices = List.copyOf(devices);
    }

    /** The thread named {@code task.thread}, or null. */
    public ThreadSpec thread(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) return null;
        String task = qualifiedName.substring(0, dot);
        String thread = qualifiedName.substring(dot + 1);
        for (TaskSpec t : tasks) {
            if (t.name().equals(task)) {
                for (ThreadSpec th : t.threads()) if (th.name().equals(thread)) return th;
            }
        }
        return null;
    }

    /** A copy with another kernel configuration (used by {@code --set} and sweeps). */
    public Scenario withKernel(KernelConfig k) {
        return new Scenario(name, description, source, machine, k, tasks, irqs, devices, run);
    }

    /** A copy with another machine choice. */
    public Scenario withMachine(MachineSpec m) {
        return new Scenario(name, description, source, m, kernel, tasks, irqs, devices, run);
    }

    /** A copy with other run settings. */
    public Scenario withRun(RunSpec r) {
        return new Scenario(name, description, source, machine, kernel, tasks, irqs, devices, r);
    }
}
