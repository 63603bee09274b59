package dev.mkw.sim;

/**
 * One recorded event.
 *
 * @param cycle   when (the CPU's clock)
 * @param cpu     which CPU
 * @param kind    what happened
 * @param thread  the acting thread's display name ({@code task.thread}), or "" for none
 * @param partner the other side (IPC partner, thread switched to, IRQ line as "irq4"), or ""
 * @param path    the kernel path active (ipc.fastpath, pagefault, ...), or ""
 * @param value   a kind-specific number: message words, fault address, fpage size, TLB entries flushed
 * @param detail  a short kind-specific text (message label, access kind, exception name), or ""
 */
public record TraceEvent(long cycle, int cpu, TraceKind kind, String thread, String partner,
        String path, long value, String detail) {}
