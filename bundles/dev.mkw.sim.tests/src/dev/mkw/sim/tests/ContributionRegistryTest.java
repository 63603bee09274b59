package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.contrib.ContributionRegistry;

/** The one conflict rule every registry of contributions follows. */
class ContributionRegistryTest {
    interface Thing { String id(); }
    record BuiltIn(String id) implements Thing {}
    record Plugin(String id) implements Thing {}

    @Test
    void theFirstContributionOfAnIdKeepsIt() {
        ContributionRegistry<Thing> r = new ContributionRegistry<Thing>("thing", Thing::id, false).registerAll(List.of(new BuiltIn("b"), new BuiltIn("a")));
        Plugin intruder = new Plugin("a");
        assertFalse(r.register(intruder), "a plugin cannot replace a built-in");
        assertEquals(BuiltIn.class, r.get("a").getClass());
        assertEquals(1, r.problems().size());
        String p = r.problems().get(0);
        assertTrue(p.startsWith("thing 'a' of ") && p.contains(Plugin.class.getName()) && p.contains("is taken by") && p.contains(BuiltIn.class.getName()), p);

        assertTrue(r.register(new Plugin("c")));
        assertFalse(r.register(new BuiltIn("c")), "nor a built-in registered late another plugin's id");
        assertEquals(List.of("b", "a", "c"), List.copyOf(r.ids()), "registration order: built-ins first");
    }

    @Test
    void theSameContributorRegisteringAgainReplacesItsInstance() {
        ContributionRegistry<Thing> r = new ContributionRegistry<>("thing", Thing::id, true);
        r.register(new Plugin("x"));
        Plugin fresh = new Plugin("x");
        assertTrue(r.register(fresh));
        assertSame(fresh, r.get("x"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void sortedRegistriesListByIdAndUnknownIdsNameTheKnownOnes() {
        ContributionRegistry<Thing> r = new ContributionRegistry<Thing>("thing", Thing::id, true).registerAll(List.of(new BuiltIn("z"), new BuiltIn("m")));
        assertEquals(List.of("m", "z"), List.copyOf(r.ids()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("q"));
        assertEquals("unknown thing 'q'; known: m, z", e.getMessage());
        assertTrue(r.find("q").isEmpty());
    }
}
