package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.CacheSpec;

/**
 * {@link Cache} against the textbook LRU cache (a list per set, most recent first) on random
 * access sequences: every hit and miss, every write-back and write-through must agree, for
 * every associativity the packed recency order handles (1..16 ways) and for wider sets (the
 * use-stamp path), write-back and write-through, physically and virtually indexed; and on
 * every cache geometry of every built-in preset, so each set search specialised per
 * associativity ({@link Cache#search()}) is checked on the geometries it runs on.
 */
class CacheReferenceTest {

    /** The obvious model: per set a list of line numbers, most recent first, with dirty flags. */
    private static final class ReferenceLru {
        private final List<LinkedList<long[]>> sets = new ArrayList<>();
        private final int ways, lineShift, setMask;
        private final boolean writeBack, virtuallyIndexed;
        long hits, misses, writeBacks, writeThroughs;

        ReferenceLru(int sizeBytes, int lineBytes, int ways, boolean writeBack, boolean virtuallyIndexed) {
            int n = sizeBytes / (lineBytes * ways);
            for (int i = 0; i < n; i++) sets.add(new LinkedList<>());
            this.ways = ways;
            this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
            this.setMask = n - 1;
            this.writeBack = writeBack;
            this.virtuallyIndexed = virtuallyIndexed;
        }

        boolean contains(long paddr, long vaddr) {
            long line = paddr >>> lineShift;
            return sets.get((int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask)).stream().anyMatch(e -> e[0] == line);
        }

        boolean access(long paddr, long vaddr, boolean write) {
            long line = paddr >>> lineShift;
            LinkedList<long[]> set = sets.get((int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask));
            for (long[] e : set) {
                if (e[0] == line) {
                    hits++;
                    set.remove(e);
                    set.addFirst(e);
                    if (write) {
                        if (writeBack) e[1] = 1;
                        else writeThroughs++;
                    }
                    return true;
                }
            }
            misses++;
            if (write && !writeBack) {
                writeThroughs++;
                return false;
            }
            if (set.size() == ways && set.removeLast()[1] == 1) writeBacks++;
            set.addFirst(new long[] { line, write ? 1 : 0 });
            return false;
        }
    }

    /**
     * Every cache of every built-in preset, at its real size, line and ways: the accesses go to
     * eight sets only (lines from a pool twice their capacity), so even the 8 MiB L3's sets fill,
     * evict and hit in every LRU position. Each specialised search is met at least once.
     */
    @Test
    void agreesWithTheTextbookLruOnEveryPresetGeometry() {
        MachinePresets presets = MachinePresets.builtIn();
        Set<String> searches = new LinkedHashSet<>();
        int checked = 0;
        for (String id : presets.ids()) {
            for (CacheSpec spec : presets.description(id).caches()) {
                for (boolean vipt : new boolean[] { false, true }) {
                    Cache cache = new Cache(spec.name(), spec.level(), spec.kind(), spec.sizeBytes(), spec.lineBytes(), spec.ways(), spec.latency(),
                            spec.writeBack(), vipt);
                    searches.add(cache.search());
                    ReferenceLru ref = new ReferenceLru(spec.sizeBytes(), spec.lineBytes(), spec.ways(), spec.writeBack(), vipt);
                    String config = id + " " + spec.name() + " (" + spec.sizeBytes() + " B, " + spec.lineBytes() + " B lines, " + spec.ways()
                            + " ways, " + cache.search() + ", wb=" + spec.writeBack() + ", vipt=" + vipt + ")";
                    replay(cache, ref, spec.lineBytes(), cache.sets(), spec.ways(), vipt, 17L * checked + 3, config);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10, "preset caches checked: " + checked);
        for (String s : List.of("2 ways, unrolled", "4 ways, unrolled", "8 ways, one tag word", "16 ways, two tag words")) {
            assertTrue(searches.contains(s), "no preset cache uses the '" + s + "' search; seen: " + searches);
        }
    }

    /** Random accesses to lines of eight sets (two lines per way of each, a hot third), compared access by access. */
    private static void replay(Cache cache, ReferenceLru ref, int lineBytes, int sets, int ways, boolean vipt, long seed, String config) {
        SplittableRandom random = new SplittableRandom(seed);
        int usedSets = Math.min(8, sets);
        long perSet = 2L * ways;
        for (int i = 0; i < 20_000; i++) {
            long k = random.nextInt(4) == 0 ? random.nextLong(perSet) : random.nextLong(Math.max(1, perSet / 3));
            long line = k * sets + random.nextInt(usedSets);
            long paddr = line * lineBytes + random.nextInt(lineBytes);
            long vaddr = vipt ? paddr ^ ((long) random.nextInt(2) * lineBytes) : paddr;
            boolean write = random.nextInt(4) == 0;
            assertEquals(ref.access(paddr, vaddr, write), cache.access(paddr, vaddr, write), config + ", access " + i);
        }
        assertEquals(ref.hits, cache.hits(), config);
        assertEquals(ref.misses, cache.misses(), config);
        assertEquals(ref.writeBacks, cache.writeBacks(), config);
        assertEquals(ref.writeThroughs, cache.writeThroughs(), config);
        for (long k = 0; k < perSet; k++) {
            for (int set = 0; set < usedSets; set++) {
                long paddr = (k * sets + set) * lineBytes;
                for (long vaddr : new long[] { paddr, paddr ^ lineBytes }) {
                    assertEquals(ref.contains(paddr, vaddr), cache.contains(paddr, vaddr), config + ", contents of line " + (k * sets + set));
                }
            }
        }
    }

    @Test
    void agreesWithTheTextbookLruOnRandomSequences() {
        int[] waysToTry = { 1, 2, 3, 4, 5, 8, 9, 12, 15, 16, 17, 20, 32 };
        for (int ways : waysToTry) {
            for (int variant = 0; variant < 4; variant++) {
                boolean writeBack = (variant & 1) == 0;
                boolean vipt = (variant & 2) != 0;
                int lineBytes = 16, sets = 8;
                int size = lineBytes * ways * sets;
                Cache cache = new Cache("C", 1, CacheSpec.Kind.DATA, size, lineBytes, ways, 1, writeBack, vipt);
                ReferenceLru ref = new ReferenceLru(size, lineBytes, ways, writeBack, vipt);
                SplittableRandom random = new SplittableRandom(31L * ways + variant);
                // Lines from a pool about twice the cache, with a hot subset so hits land in every LRU position.
                long poolLines = 2L * ways * sets;
                for (int i = 0; i < 20_000; i++) {
                    long line = random.nextInt(4) == 0 ? random.nextLong(poolLines) : random.nextLong(Math.max(1, poolLines / 3));
                    long paddr = line * lineBytes + random.nextInt(lineBytes);
                    long vaddr = vipt ? paddr ^ ((long) random.nextInt(2) * lineBytes) : paddr; // a synonym in the next set for half of them
                    boolean write = random.nextInt(4) == 0;
                    String where = ways + " ways, wb=" + writeBack + ", vipt=" + vipt + ", access " + i;
                    assertEquals(ref.access(paddr, vaddr, write), cache.access(paddr, vaddr, write), where);
                }
                String config = ways + " ways, wb=" + writeBack + ", vipt=" + vipt;
                assertEquals(ref.hits, cache.hits(), config);
                assertEquals(ref.misses, cache.misses(), config);
                assertEquals(ref.writeBacks, cache.writeBacks(), config);
                assertEquals(ref.writeThroughs, cache.writeThroughs(), config);
                for (long line = 0; line < poolLines; line++) {
                    long paddr = line * lineBytes;
                    for (long vaddr : new long[] { paddr, paddr ^ lineBytes }) {
                        assertEquals(ref.contains(paddr, vaddr), cache.contains(paddr, vaddr), config + ", contents of line " + line);
                    }
                }
            }
        }
    }
}
