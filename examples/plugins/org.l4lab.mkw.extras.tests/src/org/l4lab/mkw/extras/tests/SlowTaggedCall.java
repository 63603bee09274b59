package org.l4lab.mkw.extras.tests;

import org.l4lab.mkw.extras.xdomain.TaggedCall;

import dev.mkw.hw.sim.DomainCallHardware;
import dev.mkw.hw.sim.MachineDescription;

/**
 * The plugin's tagged call with a call instruction {@value #EXTRA} cycles dearer (contributed by this
 * test bundle as {@code tagcall-slow}): a run through it must cost exactly that much more per call,
 * which proves the cost table is what a call is charged.
 */
public final class SlowTaggedCall implements DomainCallHardware {
    static final long EXTRA = 1000;
    private final TaggedCall real = new TaggedCall();

    @Override public String id() { return "tagcall-slow"; }

    @Override public String description() { return "the tagged call, " + EXTRA + " cycles slower (a test's)"; }

    @Override public String unsupported(MachineDescription m) { return real.unsupported(m); }

    @Override
    public Costs costs(MachineDescription m) {
        Costs c = real.costs(m);
        return new Costs(c.callCycles() + EXTRA, c.returnCycles(), c.grantEntryBytes(), c.linkageBytes(), "test");
    }
}
