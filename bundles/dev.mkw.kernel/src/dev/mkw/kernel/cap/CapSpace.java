package dev.mkw.kernel.cap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import dev.mkw.kernel.thread.Tcb;

/**
 * A task's capability space: slots holding capabilities. A thread names an IPC partner by
 * slot; a slot it does not hold names nothing, so guessing indices gains nothing: there is
 * no operation that writes a slot except the kernel's (boot, transfer in IPC).
 */
public final class CapSpace {
    public final String task;
    /** Every slot held, in slot order (views, derivation's first free slot). */
    private final TreeMap<Integer, Cap> slots = new TreeMap<>();
    /**
     * The same capabilities by slot for the slots below {@link #DENSE}, the ones every IPC under
     * capability naming looks up (the table the kernel reads is 256 slots, KernelLayout): an
     * array load instead of boxing the slot and walking the tree per IPC.
     */
    private final Cap[] dense = new Cap[DENSE];
    private static final int DENSE = 256;

    public CapSpace(String task) {
        this.task = task;
    }

    public Cap get(int slot) {
        if (slot >= 0 && slot < DENSE) return dense[slot];
        return slots.get(slot);
    }

    /** An initial capability (from the scenario). */
    public Cap install(int slot, Tcb target, long badge, int rights) {
        Cap c = new Cap(target, badge, rights, null);
        put(slot, c);
        return c;
    }

    /** Derive a copy of {@code from} with at most {@code rights} into the first free slot; returns it. */
    public Cap derive(Cap from, int rights) {
        Cap c = new Cap(from.target, from.badge, from.rights & rights, from);
        from.children.add(c);
        int slot = 0;
        while (slots.containsKey(slot)) slot++;
        put(slot, c);
        return c;
    }

    private void put(int slot, Cap c) {
        c.space = this;
        c.slot = slot;
        slots.put(slot, c);
        if (slot >= 0 && slot < DENSE) dense[slot] = c;
    }

    private void remove(int slot) {
        slots.remove(slot);
        if (slot >= 0 && slot < DENSE) dense[slot] = null;
    }

    /** Remove every capability derived from {@code c}, from whichever space holds it; returns how many. */
    public static int revokeDerived(Cap c) {
        int n = 0;
        for (Cap child : new ArrayList<>(c.children)) {
            n += revokeDerived(child);
            child.space.remove(child.slot);
            n++;
        }
        c.children.clear();
        return n;
    }

    public Collection<Cap> all() {
        return List.copyOf(slots.values());
    }
}
