/**
 * The thread control block ({@link dev.mkw.kernel.thread.Tcb}) and the lookup from a thread ID
 * to it ({@link dev.mkw.kernel.thread.TcbLookup}): the kernel's own per-thread state, read and
 * written only by the kernel's mechanisms. Internal: views, reports and plugins see threads
 * through {@link dev.mkw.kernel.inspect.Inspector} ({@code ThreadInfo}); plugins that add a
 * TCB lookup variant implement {@link dev.mkw.kernel.tcb.TcbLookupVariant}.
 */
package dev.mkw.kernel.thread;
