package dev.mkw.kernel.baseline.lrpc;

import dev.mkw.kernel.thread.Tcb;

/**
 * An LRPC binding (Bershad et al., TOCS 8(1) 1990, §3.1 "Binding"): made when a client domain
 * imports a server's interface, so before any call. The kernel keeps the binding object (its
 * procedure descriptor list: MKW's server thread stands for one procedure descriptor), the linkage
 * record of its A-stack, and hands the client the binding object; the A-stack is one page mapped
 * read-write into both domains at the same address.
 *
 * @param index   the binding's number: its binding object, linkage record and A-stack
 * @param server  the thread whose program is the procedure the descriptor names
 */
record Binding(int index, Tcb server, long bindingObject, long linkage, long astack, long estack) {}
