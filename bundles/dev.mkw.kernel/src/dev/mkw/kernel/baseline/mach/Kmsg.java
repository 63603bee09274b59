package dev.mkw.kernel.baseline.mach;

import java.util.List;

import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.thread.Tcb;

/**
 * A message in the kernel (Mach 3.0 {@code ipc_kmsg}): where its copy lies in kernel memory, what
 * it carries and how its header disposes of rights.
 *
 * @param buffer      the kmsg's kernel address
 * @param destPort    the index of the destination port
 * @param carriesReply whether the header makes a send-once right to the sender's reply port (an RPC's request)
 * @param isReply     whether it goes to a reply port through a send-once right (an RPC's reply)
 * @param descriptors the type descriptors of its body (one for the inline words, one per inline array)
 * @param strings     its inline arrays (MKW's string items sent under Mach)
 * @param regions     its out-of-line regions (MKW's map items sent under Mach)
 */
record Kmsg(Tcb sender, Message message, long badge, long buffer, int destPort, boolean carriesReply, boolean isReply,
        int descriptors, List<TypedItem.StringItem> strings, List<OutOfLine.Region> regions) {

    /** Words of header, descriptors and inline words, as they lie in the kmsg and the user buffers. */
    int headerAndWords() {
        return MachIpc.HEADER_WORDS + descriptors + message.words().length;
    }
}
