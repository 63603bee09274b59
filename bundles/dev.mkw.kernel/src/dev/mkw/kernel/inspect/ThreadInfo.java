package dev.mkw.kernel.inspect;

/**
 * A thread as the Threads view and reports show it.
 *
 * @param id        the global thread ID, printed as in L4 ("0x00004001")
 * @param name      task.thread
 * @param task      the task
 * @param state     the TCB state
 * @param priority  the priority
 * @param quantum   remaining cycles of the timeslice
 * @param partner   the thread it waits for, or ""
 * @param userCycles   cycles of its own code
 * @param kernelCycles cycles the kernel spent on its behalf
 * @param ipcsSent  messages sent
 * @param ipcsReceived messages received
 * @param pageFaults   page faults taken
 * @param switchesIn   times it was switched to
 * @param cpu       the processor it is homed on (where it is queued and runs)
 */
public record ThreadInfo(String id, String name, String task, String state, int priority, long quantum, String partner,
        long userCycles, long kernelCycles, long ipcsSent, long ipcsReceived, long pageFaults, long switchesIn, int cpu) {}
