package dev.mkw.kernel;

import java.util.Map;

import dev.mkw.hw.sim.InterruptController;
import dev.mkw.kernel.cap.Cap;
import dev.mkw.kernel.cap.CapSpace;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * The invariants of interrupts and capabilities (checked with the others in {@link
 * Invariants}): an interrupt the kernel holds for its handler keeps the line masked until the
 * handler acknowledges it; an attached handler is alive, or its line is masked for good;
 * every capability sits in the slot it names, has at most its parent's rights, and hangs in
 * its parent's derivation list; a capability derived from a revoked one is gone too, so
 * nothing revoked can still be used; a reply right (seL4's one-shot reply capability) is held
 * only for a caller that still waits for exactly that thread's answer, so no two threads hold
 * one for the same caller and none outlives the call.
 */
final class ResourceInvariants {
    private ResourceInvariants() {}

    static void check(Kernel k) {
        InterruptController pic = k.machine().interruptController();
        for (Map.Entry<Integer, Tcb> e : k.interrupts().handlers().entrySet()) {
            int line = e.getKey();
            Tcb h = e.getValue();
            if (k.interrupts().isPending(line) && !pic.masked(line)) fail(k, h, "has IRQ " + line + " pending for it while the line is unmasked");
            if (h.state == ThreadState.DEAD && !pic.masked(line)) fail(k, h, "is dead but still attached to unmasked IRQ " + line);
        }
        for (Tcb r : k.threads()) {
            if (r.replyCap == ThreadId.NIL) continue;
            Tcb caller = k.slotOf(r.replyCap & 0xFFFF_FFFFL);
            boolean waits = caller != null && caller.id == r.replyCap && caller.partner == r.id
                    && (caller.state == ThreadState.RECEIVING || caller.state == ThreadState.PAGE_FAULT);
            if (!waits) fail(k, r, "holds a reply right for " + ThreadId.format(r.replyCap) + ", which does not wait for its answer");
        }
        for (CapSpace space : k.capSpaces().values()) {
            for (Cap c : space.all()) {
                if (c.space() != space || space.get(c.slot()) != c) fail(k, c, space, "is not in the slot it names");
                Cap p = c.parent;
                if (p == null) continue;
                if ((c.rights & ~p.rights) != 0) fail(k, c, space, "has rights its parent lacks");
                if (!p.children.contains(c)) fail(k, c, space, "is missing from its parent's derivation list");
                if (p.space() == null || p.space().get(p.slot()) != p) fail(k, c, space, "survives its revoked parent");
            }
        }
    }

    private static void fail(Kernel k, Tcb t, String what) {
        k.error(KernelError.Kind.INVARIANT, t, null, "kernel invariant broken: " + t.name + " " + what, true);
    }

    private static void fail(Kernel k, Cap c, CapSpace space, String what) {
        k.error(KernelError.Kind.INVARIANT, null, null, "kernel invariant broken: capability in slot " + c.slot() + " of " + space.task + " " + what, true);
    }
}
