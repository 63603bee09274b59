package dev.mkw.kernel.inspect;

/**
 * A processor as the reports and views show it.
 *
 * @param index           its number (0: the boot processor)
 * @param current         the thread it runs, or ""
 * @param clock           its clock: cycles it has executed or idled
 * @param busyCycles      cycles not idle (user, kernel, spinning)
 * @param ipisSent        inter-processor interrupts it sent
 * @param ipisReceived    requests it took from its IPI mailbox
 * @param shootdowns      TLB shootdowns it initiated
 * @param pagesShotDown   TLB entries it invalidated for other processors' shootdowns
 * @param shootdownWait   cycles it waited for shootdown acknowledgements
 * @param lockSpin        cycles it spun for a kernel lock
 * @param lockContended   kernel-lock acquisitions that found the lock held
 * @param lineTransfers   cache lines it got from another processor's cache (held modified there)
 * @param invalidations   copies in other caches its writes invalidated
 */
public record ProcessorInfo(int index, String current, long clock, long busyCycles, long ipisSent, long ipisReceived, long shootdowns,
        long pagesShotDown, long shootdownWait, long lockSpin, long lockContended, long lineTransfers, long invalidations) {}
