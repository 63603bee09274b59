package dev.mkw.sim.report;

/**
 * The IPC cache footprint of a run: the distinct kernel code and data bytes (cache lines times
 * line size) one short IPC touched, as the simulation made its accesses.
 *
 * @param codeBytes kernel code fetched (instruction-cache lines)
 * @param dataBytes kernel data read or written (data-cache lines)
 * @param path      the kernel path of the IPC measured (ipc.fastpath, ipc.slowpath), or "" if the
 *                  run delivered no short IPC to measure
 */
public record IpcFootprint(long codeBytes, long dataBytes, String path) {
    public static final IpcFootprint NONE = new IpcFootprint(0, 0, "");

    public IpcFootprint {
        path = path == null ? "" : path;
    }

    /** Code and data together: {@code ipc.footprintBytes} in the JSON report. */
    public long bytes() { return codeBytes + dataBytes; }

    public boolean measured() { return !path.isEmpty(); }
}
