package dev.mkw.kernel;

import java.util.ArrayList;

import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * The end of a thread (L4 ThreadControl's delete; seL4 TCB_Suspend): it leaves the
 * scheduler, and every thread blocked sending to it gets its IPC aborted.
 */
public final class ThreadLifecycle {
    private final Kernel k;

    ThreadLifecycle(Kernel k) {
        this.k = k;
    }

    public void exit(Tcb t) {
        t.state = ThreadState.DEAD;
        k.scheduler().remove(t);
        k.ipc().cancelTimeout(t);
        k.interrupts().detachAll(t);
        // Its waits and its reply right end with it.
        k.ipc().endWait(t);
        t.replyCap = dev.mkw.kernel.tcb.ThreadId.NIL;
        for (Tcb s : new ArrayList<>(t.sendQueue)) {
            k.ipc().transfer().fail(s, IpcError.ABORTED, IpcError.SEND_PHASE);
            k.ipc().cancelTimeout(s);
            if (s.state == ThreadState.PAGE_FAULT) {
                // Its pager or exception handler is gone: the fault can never be answered.
                k.error(s, null, "the pager or exception handler " + t.name + " ended before answering", true);
                continue;
            }
            k.scheduler().makeReady(s);
        }
        t.sendQueue.clear();
        k.record(TraceKind.THREAD_STATE, t, "", "", 0, "exit");
    }
}
