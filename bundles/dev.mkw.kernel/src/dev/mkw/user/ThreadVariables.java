package dev.mkw.user;

import java.util.HashMap;
import java.util.Map;

/**
 * A thread's program state that lives in user memory: its variables and the messages it bound.
 *
 * <p>Each name has one slot holding both (a variable and a message may share a name, as
 * before: {@code x} and {@code x.w0} are different things). A program names the same few
 * variables over and over, and the names come from its operations, the same {@code String}
 * each time, so the slot used last is kept and found again by one identity compare: binding
 * the message of every IPC of a ping-pong ({@code as req}) no longer hashes the name and
 * allocates a map node per message, and a variable's value is not boxed (JFR: 3.4 % of a short
 * IPC's host time was {@code HashMap.put} here). Any other name is one map lookup.
 */
public final class ThreadVariables {
    /** One name's state. */
    static final class Slot {
        boolean hasValue;
        long value;
        ReceivedMessage message;
    }

    private final Map<String, Slot> slots = new HashMap<>();
    private String lastName;
    private Slot lastSlot;

    /** The variable's value, or null if it has none yet (for views and tests). */
    public Long variable(String name) {
        Slot s = find(name);
        return s != null && s.hasValue ? s.value : null;
    }

    void set(String name, long value) {
        Slot s = slot(name);
        s.value = value;
        s.hasValue = true;
    }

    /** The message bound as {@code name}, or null. */
    public ReceivedMessage received(String name) {
        Slot s = find(name);
        return s == null ? null : s.message;
    }

    void bind(String name, ReceivedMessage m) {
        slot(name).message = m;
    }

    /** The slot of {@code name}, or null if the program never set or bound it. */
    Slot find(String name) {
        if (name == lastName && lastSlot != null) return lastSlot;
        Slot s = slots.get(name);
        if (s != null) remember(name, s);
        return s;
    }

    private Slot slot(String name) {
        if (name == lastName && lastSlot != null) return lastSlot;
        Slot s = slots.get(name);
        if (s == null) {
            s = new Slot();
            slots.put(name, s);
        }
        remember(name, s);
        return s;
    }

    private void remember(String name, Slot s) {
        lastName = name;
        lastSlot = s;
    }
}
