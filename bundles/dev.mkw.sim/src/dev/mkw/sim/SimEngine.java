package dev.mkw.sim;

import java.util.function.BooleanSupplier;

/**
 * A deterministic discrete-event engine. Simulated time is counted in cycles, one clock
 * per CPU; an event belongs to one CPU (or to none: {@link #GLOBAL}) and fires at a cycle.
 *
 * <p>Determinism: simultaneous events fire in (cycle, priority, insertion order), so the
 * same inputs give the same order, byte for byte. Nothing here reads wall-clock time or
 * iterates a hash-ordered collection.
 *
 * <p>Run control: {@link #run(BooleanSupplier)} runs until the queue is empty, a stop is
 * requested, a cycle limit or a user condition holds; {@link #step(long)} fires N events,
 * {@link #stepCycles(long)} advances N cycles. {@link #requestPause()} is safe to call
 * from another thread (the UI's pause button).
 */
public final class SimEngine {

    /** The CPU index of events that belong to no CPU (devices, the timer). */
    public static final int GLOBAL = -1;

    private final EventQueue queue = new EventQueue();
    private final long[] cpuClock;
    private final SimRandom random;
    private long now;
    private long sequence;
    private long firedEvents;
    private long cycleLimit = Long.MAX_VALUE;
    private volatile boolean pauseRequested;
    private volatile boolean stopped;

    public SimEngine(int cpus, long seed) {
        this.cpuClock = new long[cpus];
        this.random = new SimRandom(seed);
    }

    /** The global simulated time: the cycle of the event being fired or last fired. */
    public long now() { return now; }

    /** The local clock of a CPU: how far that CPU has executed. */
    public long cpuClock(int cpu) { return cpuClock[cpu]; }

    /** Advance a CPU's local clock (by the cycles its work cost). */
    public void advanceCpu(int cpu, long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("negative cycles: " + cycles);
        cpuClock[cpu] += cycles;
    }

    /** Set a CPU's clock forward to {@code cycle} (after idling); never backwards. */
    public void syncCpu(int cpu, long cycle) {
        if (cycle > cpuClock[cpu]) cpuClock[cpu] = cycle;
    }

    public int cpus() { return cpuClock.length; }

    public SimRandom random() { return random; }

    public long firedEvents() { return firedEvents; }

    public int pendingEvents() { return queue.size(); }

    /** Schedule {@code action} at {@code cycle}; lower {@code priority} fires first among simultaneous events. */
    public SimEvent schedule(long cycle, int cpu, int priority, String label, Runnable action) {
        if (cycle < now) throw new IllegalArgumentException("event '" + label + "' at cycle " + cycle + " is in the past (now " + now + ")");
        SimEvent e = new SimEvent(cycle, priority, sequence++, cpu, label, action);
        queue.add(e);
        return e;
    }

    /** Cancel a scheduled event (a timeout that did not expire). Cancelled events are skipped. */
    public void cancel(SimEvent e) {
        if (e != null) e.cancel();
    }

    /** Stop the run at this cycle: events after it stay queued. */
    public void setCycleLimit(long cycle) { this.cycleLimit = cycle; }

    public long cycleLimit() { return cycleLimit; }

    /** Ask a running loop to return after the current event. Thread-safe. */
    public void requestPause() { pauseRequested = true; }

    /** End the run: nothing fires any more. */
    public void stop() { stopped = true; }

    public boolean isStopped() { return stopped; }

    /** The cycle of the next live event, or -1 if none is queued. */
    public long nextEventCycle() {
        SimEvent e = peekLive();
        return e == null ? -1 : e.cycle();
    }

    /** Whether anything is left to fire before the cycle limit. */
    public boolean hasWork() {
        SimEvent e = peekLive();
        return !stopped && e != null && e.cycle() <= cycleLimit;
    }

    /**
     * Fire events until the queue empties, the cycle limit, a stop, a pause, or
     * {@code until} becomes true (checked after every event). Returns why it returned.
     */
    public StopReason run(BooleanSupplier until) {
        pauseRequested = false;
        while (true) {
            if (stopped) return StopReason.STOPPED;
            if (pauseRequested) { pauseRequested = false; return StopReason.PAUSED; }
            SimEvent e = peekLive();
            if (e == null) return StopReason.NO_MORE_EVENTS;
            if (e.cycle() > cycleLimit) { now = Math.max(now, cycleLimit); return StopReason.CYCLE_LIMIT; }
            fire(queue.poll());
            if (until != null && until.getAsBoolean()) return StopReason.CONDITION;
        }
    }

    /** Fire at most {@code n} events. */
    public StopReason step(long n) {
        for (long i = 0; i < n; i++) {
            if (stopped) return StopReason.STOPPED;
            SimEvent e = peekLive();
            if (e == null) return StopReason.NO_MORE_EVENTS;
            if (e.cycle() > cycleLimit) return StopReason.CYCLE_LIMIT;
            fire(queue.poll());
        }
        return StopReason.PAUSED;
    }

    /** Fire every event up to {@code now() + n} cycles. */
    public StopReason stepCycles(long n) {
        long target = now + n;
        long saved = cycleLimit;
        cycleLimit = Math.min(saved, target);
        try {
            StopReason r = run(null);
            if (r == StopReason.CYCLE_LIMIT && target < saved) {
                now = Math.max(now, target);
                return StopReason.PAUSED;
            }
            return r;
        } finally {
            cycleLimit = saved;
        }
    }

    private SimEvent peekLive() {
        SimEvent e = queue.peek();
        while (e != null && e.isCancelled()) {
            queue.poll();
            e = queue.peek();
        }
        return e;
    }

    private void fire(SimEvent e) {
        now = e.cycle();
        if (e.cpu() >= 0) syncCpu(e.cpu(), now);
        firedEvents++;
        e.fire();
    }

    /** Why {@link #run} or a step returned. */
    public enum StopReason { NO_MORE_EVENTS, CYCLE_LIMIT, CONDITION, PAUSED, STOPPED }
}
