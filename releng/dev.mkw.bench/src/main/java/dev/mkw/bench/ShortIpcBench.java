package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.mkw.cli.bench.IpcBenchmark;

/**
 * Short IPC on the i486 preset: a call/reply-wait ping-pong between two address spaces with
 * the kernel and user code fetched through the I-TLB and I-cache ({@link IpcBenchmark}); one
 * invocation is one simulation of {@link IpcBenchmark#BATCH} one-way IPCs, boot included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShortIpcBench {
    @Param({"off", "on"})
    public String trace;

    private IpcBenchmark ipc;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        ipc = new IpcBenchmark(trace.equals("on"));
    }

    @Benchmark
    @OperationsPerInvocation((int) IpcBenchmark.BATCH)
    public long ipc() {
        return ipc.run(1);
    }
}
