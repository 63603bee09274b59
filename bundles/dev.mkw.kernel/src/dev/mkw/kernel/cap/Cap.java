package dev.mkw.kernel.cap;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.kernel.thread.Tcb;

/**
 * A capability: an IPC gate to a thread with a badge the receiver sees and rights
 * (s: send, g: grant further, r: receive). Copies made by capability transfer are its
 * children in a derivation tree, so revoking it revokes every copy (Microkernel
 * Construction I.12, "Capabilities"; seL4's CNode derivation).
 */
public final class Cap {
    public static final int SEND = 1, GRANT = 2, RECEIVE = 4;

    public final Tcb target;
    public final long badge;
    public final int rights;
    public final Cap parent;
    public final List<Cap> children = new ArrayList<>();
    CapSpace space;
    int slot;

    Cap(Tcb target, long badge, int rights, Cap parent) {
        this.target = target;
        this.badge = badge;
        this.rights = rights;
        this.parent = parent;
    }

    public int slot() { return slot; }

    public CapSpace space() { return space; }

    public boolean can(int right) { return (rights & right) != 0; }

    public static int rights(String sgr) {
        int r = 0;
        if (sgr.indexOf('s') >= 0) r |= SEND;
        if (sgr.indexOf('g') >= 0) r |= GRANT;
        if (sgr.indexOf('r') >= 0) r |= RECEIVE;
        return r;
    }

    public static String rightsText(int r) {
        return ((r & SEND) != 0 ? "s" : "-") + ((r & GRANT) != 0 ? "g" : "-") + ((r & RECEIVE) != 0 ? "r" : "-");
    }
}
