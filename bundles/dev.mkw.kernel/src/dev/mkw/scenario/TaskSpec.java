package dev.mkw.scenario;

import java.util.List;

/**
 * A task: one address space and the threads in it.
 *
 * @param name             the task's name
 * @param pager            the default pager of its threads: a qualified thread name
 *                         ({@code mem.pager}), {@link #ROOT_PAGER} for sigma0, or null for none
 * @param exceptionHandler qualified thread name of the exception handler, or null
 * @param regions          memory regions backed by the pager (or by sigma0 for the root pager)
 * @param ioPorts          I/O port ranges the task may access (its I/O permission bitmap)
 * @param caps             capabilities the task holds at start (naming variant CAPABILITIES)
 * @param threads          the task's threads
 * @param at               where it was declared
 * @param privileged       the scenario's root task (L4's root server): its threads may use
 *                         ExchangeRegisters on threads of any task, not only their own
 */
public record TaskSpec(String name, String pager, String exceptionHandler, List<RegionSpec> regions,
        List<IoPortRange> ioPorts, List<CapSpec> caps, List<ThreadSpec> threads, SourceRef at, boolean privileged) {

    /** An unprivileged task. */
    public TaskSpec(String name, String pager, String exceptionHandler, List<RegionSpec> regions,
            List<IoPortRange> ioPorts, List<CapSpec> caps, List<ThreadSpec> threads, SourceRef at) {
        this(name, pager, exceptionHandler, regions, ioPorts, caps, threads, at, false);
    }

    /** A copy that is (or is not) the privileged root task. */
    public TaskSpec withPrivileged(boolean p) {
        return new TaskSpec(name, pager, exceptionHandler, regions, ioPorts, caps, threads, at, p);
    }

    /** The pager name that stands for sigma0, the root pager that owns all physical memory. */
    public static final String ROOT_PAGER = "root";

    public TaskSpec {
        regions = List.copyOf(regions);
        ioPorts = List.copyOf(ioPorts);
        caps = List.copyOf(caps);
        threads = List.copyOf(threads);
    }

    /** A memory region of the task's address space. Rights are a subset of "rwx". */
    public record RegionSpec(long base, long size, String rights, SourceRef at) {}

    /** An inclusive range of I/O ports. */
    public record IoPortRange(int first, int last) {}

    /**
     * A capability the task holds at start.
     *
     * @param slot   index in the task's capability space
     * @param target qualified thread name the capability (IPC gate) refers to
     * @param badge  the badge the receiver sees on messages sent through it
     * @param rights subset of "sgr" (send, grant, receive)
     */
    public record CapSpec(int slot, String target, long badge, String rights) {}
}
