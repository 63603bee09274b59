package dev.mkw.kernel.tests;

import static dev.mkw.kernel.tests.Scenarios.AT;
import static dev.mkw.kernel.tests.Scenarios.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.scenario.Timeout;

/**
 * Random mixes of system calls for the property test: 8..32 threads in 2..4 tasks with a few
 * priorities under a random kernel variant. About a third are servers (open wait, then a loop
 * of reply-and-wait); the others run a straight line of sends, receives, calls (mostly to the
 * servers), notifications, ExchangeRegisters cancels and aborts, sleeps and computation, with
 * zero, relative and infinite timeouts. All
 * from one seeded {@link Random}, so a seed names a scenario; {@link #describe} prints it in
 * the scenario language for a reproduction.
 *
 * <p>The programs are legal ones: a reply only answers a message that arrived without error
 * (the guard {@code if m.error == 0}), so a run ends by the kernel's doing (all threads ended,
 * deadlock, cycle limit), not by a user-program error.
 */
final class RandomScenarios {
    static final long CYCLE_LIMIT = 3_000_000;
    private static final int[] PRIORITIES = {10, 20, 30};
    /** Short timeslices preempt threads between their system calls. */
    private static final long[] TIMESLICES = {1_000, 10_000, 50_000};

    private RandomScenarios() {}

    static Scenario generate(long seed) {
        Random r = new Random(seed);
        int taskCount = 2 + r.nextInt(3);
        int threadCount = 8 + r.nextInt(25);
        List<List<String>> names = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) names.add(new ArrayList<>());
        List<String> all = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            int task = i < taskCount ? i : r.nextInt(taskCount);
            String name = "t" + task + ".th" + i;
            names.get(task).add(name);
            all.add(name);
            // About a third serve requests in a reply-wait loop, so many IPCs find a partner.
            if (r.nextInt(3) == 0) servers.add(name);
        }
        if (servers.isEmpty()) servers.add(all.get(0));
        List<TaskSpec> tasks = new ArrayList<>();
        for (int task = 0; task < taskCount; task++) {
            List<ThreadSpec> threads = new ArrayList<>();
            for (String q : names.get(task)) {
                // Task 0 is the privileged root task: its threads may cancel anyone's IPC.
                Partners p = new Partners(all, servers, task == 0 ? all : names.get(task));
                List<Op> body = servers.contains(q) ? server(r, p) : client(r, p);
                threads.add(new ThreadSpec(q.substring(q.indexOf('.') + 1), PRIORITIES[r.nextInt(PRIORITIES.length)], 0, 0, false, null, null, body, AT));
            }
            TaskSpec spec = new TaskSpec("t" + task, null, null, List.of(), List.of(), List.of(), threads, AT);
            tasks.add(task == 0 ? spec.withPrivileged(true) : spec);
        }
        KernelConfig k = KernelConfig.defaults().withCheckInvariants(true)
                .withScheduling(KernelConfig.Scheduling.values()[r.nextInt(3)])
                .withFastpath(r.nextBoolean())
                .withTcbLookup(KernelConfig.TcbLookup.values()[r.nextInt(3)])
                .withTimesliceCycles(TIMESLICES[r.nextInt(TIMESLICES.length)]);
        RunSpec run = RunSpec.defaults().withSeed(seed).withUntilCycles(CYCLE_LIMIT).withTrace(RunSpec.Trace.ON, 0);
        return new Scenario("random-" + seed, "", "random.mkw", MachineSpec.preset("i486_50"), k, tasks, List.of(), List.of(), run);
    }

    /** Whom a thread may name: anybody, the servers, and the threads it may cancel. */
    private record Partners(List<String> all, List<String> servers, List<String> controllable) {
        String any(Random r) { return all.get(r.nextInt(all.size())); }
        /** Mostly a server (a partner that will answer), sometimes anybody. */
        String peer(Random r) { return r.nextInt(4) == 0 ? any(r) : servers.get(r.nextInt(servers.size())); }
    }

    /** Open wait, then a loop of replies and waits, with some other calls mixed in. */
    private static List<Op> server(Random r, Partners p) {
        List<Op> loop = new ArrayList<>();
        loop.add(new Op.If(new Op.Cond(new Expr.Field("m", "error"), "==", c(0)),
                List.of(new Op.ReplyWait(new Target.Sender("m"), words(r), null, "m", timeout(r), AT)),
                List.of(new Op.Receive(new Target.Any(), null, "m", timeout(r), AT)), AT));
        if (r.nextBoolean()) loop.add(operation(r, p));
        return List.of(new Op.Receive(new Target.Any(), null, "m", timeout(r), AT), new Op.Repeat(c(2 + r.nextInt(10)), null, loop, AT));
    }

    private static List<Op> client(Random r, Partners p) {
        List<Op> ops = new ArrayList<>();
        int n = 3 + r.nextInt(10);
        for (int i = 0; i < n; i++) ops.add(operation(r, p));
        return ops;
    }

    private static Op operation(Random r, Partners p) {
        return switch (r.nextInt(13)) {
            case 0 -> new Op.Send(new Target.Thread(p.peer(r)), words(r), timeout(r), AT);
            case 1 -> new Op.Receive(new Target.Thread(p.any(r)), null, "x", timeout(r), AT);
            case 2 -> new Op.Receive(new Target.Any(), null, "x", timeout(r), AT);
            case 3, 4 -> new Op.Call(new Target.Thread(p.peer(r)), words(r), null, "x", timeout(r), AT);
            case 5 -> new Op.Notify(new Target.Thread(p.any(r)), c(1L << r.nextInt(4)), AT);
            case 6 -> new Op.WaitNotify(c(1 + r.nextInt(15)), "n", timeout(r), AT);
            case 7 -> new Op.Compute(c(1 + r.nextInt(5000)), AT);
            case 8 -> new Op.Receive(new Target.Nil(), null, null, Timeout.cycles(100 + r.nextInt(5000)), AT);
            case 9 -> r.nextInt(4) == 0 ? new Op.Exit(AT) : new Op.Compute(c(1 + r.nextInt(500)), AT);
            default -> new Op.CancelIpc(new Target.Thread(p.controllable().get(r.nextInt(p.controllable().size()))), r.nextBoolean(), AT);
        };
    }

    private static MessageSpec words(Random r) {
        long[] w = new long[r.nextInt(5)];
        for (int i = 0; i < w.length; i++) w[i] = r.nextInt(1000);
        return Scenarios.words(w);
    }

    private static Timeout timeout(Random r) {
        // Mostly relative: every infinite one is a chance for the run to end in a deadlock early.
        return switch (r.nextInt(8)) {
            case 0, 1 -> Timeout.ZERO;
            case 2 -> Timeout.NEVER;
            default -> Timeout.cycles(50 + r.nextInt(20_000));
        };
    }

    /** The scenario in the scenario language (what a reproduction in a file would say). */
    static String describe(Scenario s) {
        StringBuilder b = new StringBuilder("scenario " + s.name() + "\nmachine preset " + s.machine().preset() + "\n");
        KernelConfig k = s.kernel();
        b.append("kernel { scheduling ").append(k.scheduling().name().toLowerCase()).append(" timeslice ").append(k.timesliceCycles())
                .append(" fastpath ").append(k.fastpath() ? "on" : "off")
                .append(" tcb-lookup ").append(k.tcbLookup()).append(" invariants on }\n");
        for (TaskSpec t : s.tasks()) {
            b.append("task ").append(t.name()).append(t.privileged() ? " privileged" : "").append(" {\n");
            for (ThreadSpec th : t.threads()) {
                b.append("  thread ").append(th.name()).append(" priority ").append(th.priority()).append(" {\n");
                for (Op op : th.body()) b.append("    ").append(statement(op)).append('\n');
                b.append("  }\n");
            }
            b.append("}\n");
        }
        return b.append("run until ").append(s.run().untilCycles()).append(" cycles seed ").append(s.run().seed()).append(" trace on\n").toString();
    }

    private static String statement(Op op) {
        return switch (op) {
            case Op.Send x -> "send " + target(x.to()) + msg(x.msg()) + timeout(x.timeout());
            case Op.Receive x when x.from() instanceof Target.Nil -> "sleep " + x.timeout().cycles() + " cycles";
            case Op.Receive x when x.from() instanceof Target.Any -> "wait any as " + x.bindAs() + timeout(x.timeout());
            case Op.Receive x -> "receive from " + target(x.from()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.Call x -> "call " + target(x.to()) + msg(x.msg()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.If x -> "if m.error == 0 { " + statement(x.then().get(0)) + " } else { " + statement(x.otherwise().get(0)) + " }";
            case Op.Repeat x -> "repeat " + value(x.count()) + " { " + String.join("  ", x.body().stream().map(RandomScenarios::statement).toList()) + " }";
            case Op.ReplyWait x -> "reply-wait " + ((Target.Sender) x.to()).var() + msg(x.msg()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.Notify x -> "notify " + target(x.to()) + " bits " + value(x.bits());
            case Op.WaitNotify x -> "wait-notify " + value(x.mask()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.Compute x -> "compute " + value(x.cycles()) + " cycles";
            case Op.CancelIpc x -> (x.abort() ? "abort" : "cancel") + " ipc of " + target(x.thread());
            case Op.Exit x -> "exit";
            default -> op.toString();
        };
    }

    private static String target(Target t) {
        return t instanceof Target.Thread th ? th.qualifiedName() : t.toString();
    }

    private static String msg(MessageSpec m) {
        return " words (" + String.join(", ", m.words().stream().map(RandomScenarios::value).toList()) + ")";
    }

    private static String value(Expr e) {
        return Long.toString(((Expr.Const) e).value());
    }

    private static String timeout(Timeout t) {
        return switch (t.kind()) {
            case NEVER -> "";
            case ZERO -> " timeout zero";
            case CYCLES -> " timeout " + t.cycles() + " cycles";
        };
    }
}
