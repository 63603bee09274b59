package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;

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
 * zero, relative and infinite timeouts; page faults served by sigma0 in each task's region, map
 * and grant items (also to receivers that opened no window), string items, receives with a
 * receive window or a string buffer, and an interrupt driver in the root task. All
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
    /** Each task's memory (sigma0 backs it) and the area its receive windows open on. */
    static final long REGION = 0x10_0000, WINDOW = 0x20_0000;
    static final int IRQ = 4;

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
                // Its first thread drives the UART's interrupts.
                List<Op> body = q.equals(names.get(0).get(0)) && !servers.contains(q) ? driver(r) : servers.contains(q) ? server(r, p) : client(r, p);
                threads.add(new ThreadSpec(q.substring(q.indexOf('.') + 1), PRIORITIES[r.nextInt(PRIORITIES.length)], 0, ThreadSpec.ANY_CPU, false, null, null, body, AT));
            }
            TaskSpec spec = new TaskSpec("t" + task, TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(REGION, 0x10000, "rw", AT),
                    new TaskSpec.RegionSpec(WINDOW, 0x4000, "rw", AT)), List.of(), List.of(), threads, AT);
            tasks.add(task == 0 ? spec.withPrivileged(true) : spec);
        }
        KernelConfig k = KernelConfig.defaults().withCheckInvariants(true)
                .withScheduling(KernelConfig.Scheduling.values()[r.nextInt(3)])
                .withFastpath(r.nextBoolean())
                .withTcbLookup(KernelConfig.TcbLookup.values()[r.nextInt(3)])
                .withTimesliceCycles(TIMESLICES[r.nextInt(TIMESLICES.length)])
                .withStringCopy(KernelConfig.StringCopy.values()[r.nextInt(2)]);
        RunSpec run = RunSpec.defaults().withSeed(seed).withUntilCycles(CYCLE_LIMIT).withTrace(RunSpec.Trace.ON, 0);
        List<dev.mkw.scenario.DeviceSpec> devices = List.of(new dev.mkw.scenario.DeviceSpec("uart", "com1", IRQ, java.util.Map.of("interval", "20000"), AT));
        return new Scenario("random-" + seed, "", "random.mkw", MachineSpec.preset("i486_50"), k, tasks, List.of(), devices, run);
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

    /** The root task's driver: attach the UART's line, then take and acknowledge some interrupts. */
    private static List<Op> driver(Random r) {
        List<Op> body = List.of(new Op.Receive(new Target.Irq(IRQ), null, "i", Timeout.cycles(30_000 + r.nextInt(30_000)), AT),
                new Op.If(new Op.Cond(new Expr.Field("i", "error"), "==", c(0)), List.of(new Op.AckIrq(IRQ, AT)), List.of(), AT));
        return List.of(new Op.AttachIrq(IRQ, AT), new Op.Repeat(c(2 + r.nextInt(8)), null, body, AT), new Op.DetachIrq(IRQ, AT));
    }

    private static List<Op> client(Random r, Partners p) {
        List<Op> ops = new ArrayList<>();
        int n = 3 + r.nextInt(10);
        for (int i = 0; i < n; i++) ops.add(operation(r, p));
        return ops;
    }

    private static Op operation(Random r, Partners p) {
        return switch (r.nextInt(19)) {
            case 13 -> new Op.Touch(c(REGION + 4096L * r.nextInt(16)), c(REGION + 4096L * (1 + r.nextInt(16))), c(4096), r.nextBoolean(), AT);
            case 14 -> new Op.Send(new Target.Thread(p.peer(r)), mapItem(r), timeout(r), AT);
            case 15 -> new Op.Receive(new Target.Any(), new Op.Acceptor(c(WINDOW), 14, null, null), "x", timeout(r), AT);
            case 16 -> new Op.Send(new Target.Thread(p.peer(r)), string(r), timeout(r), AT);
            case 17 -> new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(REGION + 0x8000), c(1 + r.nextInt(4096))), "x", timeout(r), AT);
            case 18 -> new Op.Call(new Target.Thread(p.peer(r)), r.nextBoolean() ? mapItem(r) : string(r),
                    new Op.Acceptor(c(WINDOW), 13, c(REGION + 0x8000), c(4096)), "x", timeout(r), AT);
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

    /** A map or grant item of one of the sender's pages (mapped or not yet), with any hot spot. */
    private static MessageSpec mapItem(Random r) {
        var item = new MessageSpec.MapItem(c(REGION + 4096L * r.nextInt(16)), 12, r.nextBoolean() ? "rw" : "r", r.nextInt(4) == 0, c(r.nextInt(1 << 20) * 4096L));
        return new MessageSpec(null, c(5), List.of(), List.of(item));
    }

    /** One or two string items from the sender's region. */
    private static MessageSpec string(Random r) {
        List<MessageSpec.Item> items = new ArrayList<>();
        for (int i = 1 + r.nextInt(2); i > 0; i--) items.add(new MessageSpec.StringItem(c(REGION + r.nextInt(0x6000)), c(1 + r.nextInt(3000))));
        return new MessageSpec(null, c(6), List.of(), items);
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
            case Op.Receive x when x.from() instanceof Target.Irq i -> "receive from irq " + i.line() + " as " + x.bindAs() + timeout(x.timeout());
            case Op.Receive x when x.from() instanceof Target.Nil -> "sleep " + x.timeout().cycles() + " cycles";
            case Op.Receive x when x.from() instanceof Target.Any -> "wait any as " + x.bindAs() + timeout(x.timeout());
            case Op.Receive x -> "receive from " + target(x.from()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.Call x -> "call " + target(x.to()) + msg(x.msg()) + " as " + x.bindAs() + timeout(x.timeout());
            case Op.If x -> "if " + ((Expr.Field) x.cond().left()).var() + ".error == 0 { " + String.join("  ", x.then().stream().map(RandomScenarios::statement).toList())
                    + " } else { " + String.join("  ", x.otherwise().stream().map(RandomScenarios::statement).toList()) + " }";
            case Op.Touch x -> "touch " + value(x.from()) + " .. " + value(x.to()) + " stride 4K" + (x.write() ? " write" : "");
            case Op.AttachIrq x -> "attach irq " + x.line();
            case Op.DetachIrq x -> "detach irq " + x.line();
            case Op.AckIrq x -> "ack irq " + x.line();
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
        StringBuilder b = new StringBuilder(" words (" + String.join(", ", m.words().stream().map(RandomScenarios::value).toList()) + ")");
        for (MessageSpec.Item i : m.items()) b.append(' ').append(i);
        return b.toString();
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
