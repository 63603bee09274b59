package dev.mkw.ui.run;

import java.nio.file.Path;
import java.util.List;

import dev.mkw.run.RunPipeline;
import dev.mkw.run.Simulation;
import dev.mkw.sim.SimEngine;

/**
 * Run control of one simulation in the workbench: start paused, step N events or N cycles,
 * resume, pause, stop. Every pause, step and the end publish a snapshot to the views.
 * Methods are called from the UI thread or a job; the simulation itself only ever runs in
 * one of them at a time ({@code synchronized}), and pause is the engine's thread-safe request.
 */
public final class SimulationSession {
    public enum State { PAUSED, RUNNING, FINISHED }

    private final Path file;
    private final Simulation sim;
    private final List<String> settings;
    private volatile State state = State.PAUSED;

    private SimulationSession(Path file, Simulation sim, List<String> settings) {
        this.file = file;
        this.sim = sim;
        this.settings = List.copyOf(settings);
    }

    /** Prepare a run, paused before its first event, and show it. */
    public static SimulationSession start(Path file, List<String> settings) throws ScenarioRun.Refused {
        SimulationSession s = new SimulationSession(file, ScenarioRun.prepare(file, settings), settings);
        s.publish();
        return s;
    }

    public State state() { return state; }

    public long cycle() { return sim.engine().now(); }

    /** Fire {@code n} events, then show where the run is. */
    public synchronized void step(long n) {
        if (state == State.FINISHED) return;
        settle(sim.step(n));
    }

    /** Advance {@code n} cycles, then show where the run is. */
    public synchronized void stepCycles(long n) {
        if (state == State.FINISHED) return;
        settle(sim.stepCycles(n));
    }

    /** Run until the end, a pause request or a stop (call from a job: it blocks). */
    public synchronized void resume() {
        if (state == State.FINISHED) return;
        state = State.RUNNING;
        settle(sim.run());
    }

    /** Ask a running resume() to stop at the next event; thread-safe. */
    public void pause() {
        sim.requestPause();
    }

    /** End the run where it is. */
    public void stop() {
        sim.stop();
        synchronized (this) {
            if (state == State.FINISHED) return; // over already: its report keeps its own end reason
            state = State.FINISHED;
            publish(RunPipeline.stoppedByUser(sim));
        }
    }

    private void settle(SimEngine.StopReason why) {
        state = why == SimEngine.StopReason.PAUSED && !sim.isFinished() ? State.PAUSED : State.FINISHED;
        publish(RunPipeline.endReason(sim, why));
    }

    private void publish() {
        publish(RunPipeline.endReason(sim, SimEngine.StopReason.PAUSED));
    }

    private void publish(String endReason) {
        RunResults.get().publish(ScenarioRun.snapshot(file, sim, settings, endReason));
    }
}
