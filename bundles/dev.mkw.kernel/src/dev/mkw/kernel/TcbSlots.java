package dev.mkw.kernel;

import java.util.Arrays;

import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.thread.Tcb;

/**
 * The TCB of each thread number, as an array indexed by the number, the way an L4 kernel
 * finds a TCB from the thread ID's number field (Microkernel Construction I.12: the number
 * selects the TCB slot, the version is checked after). Thread numbers are dense (boot hands
 * them out from the user base up) and below 2^{@value ThreadId#NUMBER_BITS}, so the array is
 * at most 2 MiB of references and a lookup is one bounds test and one load, where a
 * {@code HashMap<Integer, Tcb>} boxed the number and walked a bucket on every IPC
 * (JFR: {@code Kernel.slotOf} from {@code Capabilities.partner} and {@code IpcPath.endWait}).
 */
final class TcbSlots {
    private Tcb[] byNumber = new Tcb[64];

    /** Put the TCB of thread number {@code number} (boot). */
    void put(int number, Tcb t) {
        if (number < 0 || number >= 1 << ThreadId.NUMBER_BITS) throw new IllegalArgumentException("thread number " + number + " out of range");
        if (number >= byNumber.length) byNumber = Arrays.copyOf(byNumber, Math.min(1 << ThreadId.NUMBER_BITS, Math.max(number + 1, byNumber.length * 2)));
        byNumber[number] = t;
    }

    /** The TCB in slot {@code number}, or null. */
    Tcb get(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }
}
