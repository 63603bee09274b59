package dev.mkw.user;

import java.util.HashMap;
import java.util.Map;

/** A thread's program state that lives in user memory: its variables and the messages it bound. */
public final class ThreadVariables {
    private final Map<String, Long> variables = new HashMap<>();
    private final Map<String, ReceivedMessage> received = new HashMap<>();

    public Long variable(String name) { return variables.get(name); }

    void set(String name, long value) { variables.put(name, value); }

    public ReceivedMessage received(String name) { return received.get(name); }

    void bind(String name, ReceivedMessage m) { received.put(name, m); }
}
