package dev.mkw.sim.report;

/**
 * What the multiprocessor mechanisms did on one processor (a run on one CPU has none of these).
 *
 * @param cpu                 the processor's index
 * @param ipisSent            inter-processor interrupts it sent
 * @param ipisReceived        requests it took from its IPI mailbox
 * @param shootdowns          TLB shootdowns it initiated
 * @param pagesShotDown       TLB entries it invalidated for other processors' shootdowns
 * @param shootdownWaitCycles cycles it spun waiting for shootdown acknowledgements
 * @param lockSpinCycles      cycles it spun for a kernel lock
 * @param lockContended       kernel-lock acquisitions that found the lock held
 * @param lineTransfers       cache lines it got from another processor's cache, where they were modified
 * @param invalidations       copies in other processors' caches that its writes invalidated
 */
public record ProcessorStats(int cpu, long ipisSent, long ipisReceived, long shootdowns, long pagesShotDown, long shootdownWaitCycles,
        long lockSpinCycles, long lockContended, long lineTransfers, long invalidations) {}
