package dev.mkw.kernel.cap;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.ipc.Partner;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.sim.TraceKind;

/**
 * Naming of IPC partners and the capability operations (seL4 reference manual, "Capability
 * Spaces", "Endpoints"; L4.Fiasco IPC gates): under capability naming the TO register holds
 * a slot of the caller's capability space, which must hold a capability with the send
 * right; a reply goes through the one-shot reply capability the last call left (seL4's
 * reply cap, consumed by its use); capability items copy capabilities with at most the
 * rights asked; CNode_Revoke removes every capability derived from one. Under thread-ID
 * naming (L4 X.2) TO holds a thread ID.
 */
public final class Capabilities {
    /** The TO value that names the caller's one-shot reply capability (seL4 Reply). */
    public static final long REPLY = -2;

    /**
     * The TO value (a capability pointer) that names slot {@code slot}: CPTR 0 is the null
     * capability (seL4_CapNull, and L4's nil thread: no send phase), so slot n is CPTR n + 1.
     */
    public static long cptr(int slot) {
        return slot + 1L;
    }
    private final Kernel k;

    public Capabilities(Kernel k) {
        this.k = k;
    }

    /** The partner the caller's TO register names, or null when it names nothing usable (reported). */
    public Partner partner(Tcb s, long to) {
        int line = k.interrupts().lineOf(to);
        if (k.config().naming() == KernelConfig.Naming.THREAD_IDS) {
            if (line >= 0) return Partner.interrupt(line, to);
            if (to <= 0 || to > 0xFFFF_FFFFL) {
                k.error(s, null, "IPC to " + to + ", which is not a thread ID", false);
                return null;
            }
            return Partner.thread(k.slotOf(to), to, 0);
        }
        if (to == REPLY) {
            int caller = s.replyCap;
            if (caller == ThreadId.NIL) {
                k.error(s, null, "reply refused: " + s.name + " holds no reply capability (a reply capability is one-shot: the last call was already answered)", false);
                return null;
            }
            s.replyCap = ThreadId.NIL;
            k.decodeAccess(s.address + Tcb.OFF_REPLY, MemoryHierarchy.WRITE);
            // seL4: a reply capability carries the grant right the caller's endpoint capability had; MKW lets replies carry none.
            return Partner.thread(k.slotOf(caller), caller, 0, false);
        }
        long slot = to - 1;
        CapSpace space = k.capSpace(s.space);
        // The lookup reads the slot in the task's capability table (a one-level CNode; seL4's
        // fast path also resolves a one-level capability, notes §1).
        if (slot >= 0 && slot < 256) k.decodeAccess(KernelLayout.capTable(k.kernelMemory().base, s.space.asid) + slot * 16, MemoryHierarchy.READ);
        Cap c = space == null || slot < 0 || slot > Integer.MAX_VALUE ? null : space.get((int) slot);
        if (c == null) {
            k.error(s, null, "capability slot " + slot + " of task " + s.space.name + " is empty: a thread can only name what its capability space holds", false);
            return null;
        }
        if (!c.can(Cap.SEND)) {
            k.error(s, null, "capability slot " + slot + " has no send right (" + Cap.rightsText(c.rights) + ")", false);
            return null;
        }
        return Partner.thread(c.target, c.target.id, c.badge, c.can(Cap.GRANT));
    }

    /** The thread a notification names (the send right is needed as for IPC), or null (reported). */
    public Tcb notificationTarget(Tcb s, long to) {
        if (k.config().naming() == KernelConfig.Naming.THREAD_IDS) {
            Tcb t = k.slotOf(to);
            if (t == null || t.id != (int) to) {
                k.error(s, null, "notify: " + ThreadId.format((int) to) + " is not a thread", false);
                return null;
            }
            return t;
        }
        Partner p = partner(s, to);
        return p == null ? null : p.thread();
    }

    /**
     * Copy the capability a capability item names into the receiver's space; returns its new
     * slot or -1. seL4 (reference manual, "Capability Transfer"): a message may carry
     * capabilities only when the endpoint capability it was sent through has the grant right.
     */
    public int transfer(Tcb s, Tcb r, TypedItem.CapItem ci, KernelPath p) {
        if (!s.sendCanGrant) {
            k.error(s, null, "capability item refused: the capability " + s.name + " sent through has no grant right", false);
            return -1;
        }
        CapSpace from = k.capSpace(s.space);
        CapSpace to = k.capSpace(r.space);
        Cap cap = from == null ? null : from.get(ci.slot());
        p.execute(KernelCode.MAP_PAGE);
        if (cap == null) {
            k.error(s, null, "capability item names slot " + ci.slot() + ", which " + s.name + "'s capability space does not hold", false);
            return -1;
        }
        if (to == null) return -1;
        return to.derive(cap, ci.rights()).slot();
    }

    /** CNode_Revoke on the caller's slot. */
    public void revoke(Tcb t, long slot) {
        CapSpace space = k.capSpace(t.space);
        Cap c = space == null || slot < 0 || slot > Integer.MAX_VALUE ? null : space.get((int) slot);
        KernelPath p = k.path("cap.revoke");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
        if (c == null) {
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, t);
            k.error(t, null, "revoke: capability slot " + slot + " of task " + t.space.name + " is empty", false);
            return;
        }
        int n = CapSpace.revokeDerived(c);
        p.execute(KernelCode.MAP_PAGE, n * PathLengths.MAP_PAGE).cost(CostKind.KERNEL_EXIT);
        k.record(TraceKind.UNMAP, t, "", "cap.revoke", n, "capability slot " + slot);
        k.charge(p, t);
    }

}
