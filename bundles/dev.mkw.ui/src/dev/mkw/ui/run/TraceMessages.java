package dev.mkw.ui.run;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

/**
 * The IPCs of a trace as a list of {@link MessageInfo}, made on demand from the trace's own
 * events: only the positions of the sends are kept (one int each). A whole trace has 200 000
 * IPCs, and a record per IPC built up front (as {@code Inspector.messages()} does) was 200 000
 * objects that the young collector copied while the views refreshed, for rows mostly never shown.
 * Elements compare by value, so a message made twice is still the same message.
 */
public final class TraceMessages extends AbstractList<MessageInfo> implements RandomAccess {
    private final List<TraceEvent> events;
    private final int[] sends;

    private TraceMessages(List<TraceEvent> events, int[] sends) {
        this.events = events;
        this.sends = sends;
    }

    /** The IPC sends of {@code events} (a random-access list, kept, not copied), in trace order. */
    public static TraceMessages of(List<TraceEvent> events) {
        int[] at = new int[1024];
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() != TraceKind.IPC_SEND) continue;
            if (n == at.length) at = Arrays.copyOf(at, n * 2);
            at[n++] = i;
        }
        return new TraceMessages(events, Arrays.copyOf(at, n));
    }

    @Override
    public MessageInfo get(int i) {
        TraceEvent e = events.get(sends[i]);
        return new MessageInfo(e.cycle(), e.thread(), e.partner(), e.detail(), e.value(), e.path());
    }

    /**
     * The position of message {@code o}, compared field by field with the trace's sends: no
     * message is made on the way (selecting the last of 200 000 IPCs made all of them first).
     */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof MessageInfo m)) return -1;
        for (int i = 0; i < sends.length; i++) {
            TraceEvent e = events.get(sends[i]);
            if (e.cycle() == m.cycle() && e.value() == m.words() && e.thread().equals(m.from()) && e.partner().equals(m.to())
                    && e.detail().equals(m.what()) && e.path().equals(m.path())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The positions of the messages one of whose Message Log cells (cycle, from, to, message,
     * words, kernel path) contains {@code text}, ascending; null if {@code cancelled} said so
     * (asked every 4 096 messages). Off the UI thread, and without making a message or a string
     * per row: the filter of a whole trace's 200 000 rows made 200 000 messages and 400 000
     * number strings, garbage whose collections fell into the UI thread's events.
     */
    public int[] matching(String text, java.util.function.BooleanSupplier cancelled) {
        int[] kept = new int[Math.min(sends.length, 1024)];
        int n = 0;
        StringBuilder number = new StringBuilder(20); // reused: a number's digits, for contains
        for (int i = 0; i < sends.length; i++) {
            if ((i & 0xfff) == 0 && cancelled.getAsBoolean()) return null;
            TraceEvent e = events.get(sends[i]);
            if (contains(number, e.cycle(), text) || e.thread().contains(text) || e.partner().contains(text)
                    || e.detail().contains(text) || contains(number, e.value(), text) || e.path().contains(text)) {
                if (n == kept.length) kept = Arrays.copyOf(kept, Math.max(16, n * 2));
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** Whether the decimal digits of {@code v} (as Long.toString prints them) contain {@code text}. */
    private static boolean contains(StringBuilder scratch, long v, String text) {
        scratch.setLength(0);
        scratch.append(v);
        return scratch.indexOf(text) >= 0;
    }

    /** Whether these are the messages of {@code trace} (the same list, not an equal one). */
    public boolean over(List<TraceEvent> trace) {
        return events == trace;
    }

    /** The position in the trace of message {@code i}'s send. */
    public int eventIndex(int i) {
        return sends[i];
    }

    /** The cycle of message {@code i}, without making it. */
    public long cycle(int i) {
        return events.get(sends[i]).cycle();
    }

    /** The CPU message {@code i} was sent on. */
    public int cpu(int i) {
        return events.get(sends[i]).cpu();
    }

    @Override
    public int size() {
        return sends.length;
    }
}
