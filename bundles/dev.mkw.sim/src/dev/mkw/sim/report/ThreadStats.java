package dev.mkw.sim.report;

/**
 * What one thread did in a run.
 *
 * @param name         display name {@code task.thread}
 * @param userCycles   cycles its user code ran
 * @param kernelCycles cycles the kernel spent on its behalf
 * @param ipcSent      IPC messages it sent
 * @param ipcReceived  IPC messages it received
 * @param pageFaults   page faults it took
 * @param switches     times a CPU switched to it
 * @param kernelFetchStallCycles  of {@code kernelCycles}: instruction-fetch stalls of the kernel's code
 * @param kernelInstructionCycles of {@code kernelCycles}: plain instructions
 * @param kernelPrivilegedCycles  of {@code kernelCycles}: privileged operations (traps, returns, TLB and FPU work)
 * @param kernelWalkCycles        of {@code kernelMemoryCycles}: page-table walks
 * @param kernelMemoryCycles      of {@code kernelCycles}: data accesses and their TLB walks
 */
public record ThreadStats(String name, long userCycles, long kernelCycles, long ipcSent, long ipcReceived,
        long pageFaults, long switches, long kernelFetchStallCycles, long kernelInstructionCycles, long kernelPrivilegedCycles,
        long kernelMemoryCycles, long kernelWalkCycles) {

    public ThreadStats(String name, long userCycles, long kernelCycles, long ipcSent, long ipcReceived, long pageFaults, long switches) {
        this(name, userCycles, kernelCycles, ipcSent, ipcReceived, pageFaults, switches, 0, 0, 0, 0, 0);
    }

    /** A thread's running tally; the kernel keeps one per thread (e.g. in its TCB). */
    public static final class Counter {
        private final String name;
        public long userCycles;
        public long kernelCycles;
        public long ipcSent;
        public long ipcReceived;
        public long pageFaults;
        public long switches;
        /** Misses of its user code, and of the kernel on its behalf (see {@link Misses}). */
        public final Misses.Counter userMisses = new Misses.Counter(), kernelMisses = new Misses.Counter();

        /** Where the kernel's cycles on this thread's behalf went (as {@link KernelPathStats} splits a path's). */
        public long kernelFetchStallCycles, kernelInstructionCycles, kernelPrivilegedCycles, kernelMemoryCycles, kernelWalkCycles;

        public Counter(String name) { this.name = name; }

        public String name() { return name; }

        public ThreadStats snapshot() {
            return new ThreadStats(name, userCycles, kernelCycles, ipcSent, ipcReceived, pageFaults, switches, kernelFetchStallCycles,
                    kernelInstructionCycles, kernelPrivilegedCycles, kernelMemoryCycles, kernelWalkCycles);
        }
    }
}
