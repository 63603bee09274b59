package dev.mkw.hw.sim;

/**
 * The LRU order of one cache set of up to 16 ways, packed into a {@code long}: nibble
 * {@code i} holds the way at recency position {@code i} (0 = most recently used, ways − 1 =
 * the victim). Touching a way and choosing a victim are a few shifts and masks, whatever the
 * associativity; a list kept in recency order would shift up to 15 entries on every miss of a
 * 16-way L2, which was most of the simulator's time in a streaming access pattern.
 *
 * <p>Finding a way's position uses the SWAR "zero nibble" test (Mycroft's has-zero-byte trick
 * on 4-bit lanes): after XOR with the way broadcast to every nibble, the way's nibble is the
 * lowest zero one, and that lowest flag is exact.
 */
final class RecencyOrder {
    /** Ways this packing holds. */
    static final int MAX_WAYS = 16;
    private static final long ONES = 0x1111_1111_1111_1111L;
    private static final long HIGHS = 0x8888_8888_8888_8888L;

    private RecencyOrder() {}

    /** A fresh set: way 0 is the least recently used, so empty ways fill in index order. */
    static long initial(int ways) {
        long order = 0;
        for (int position = 0; position < ways; position++) order |= (long) (ways - 1 - position) << (4 * position);
        return order;
    }

    static int mostRecent(long order) {
        return (int) order & 0xF;
    }

    static int leastRecent(long order, int ways) {
        return (int) (order >>> (4 * (ways - 1))) & 0xF;
    }

    /** {@code way} becomes the most recent; the ways that were more recent move down one place. */
    static long touch(long order, int way) {
        long x = order ^ (way * ONES);
        int position = Long.numberOfTrailingZeros((x - ONES) & ~x & HIGHS) >>> 2;
        long below = order & ((1L << (4 * position)) - 1);
        // (1 << 4p) << 4 rather than 1 << (4p + 4): at p = 15 the latter would shift by 64, which Java reads as 0.
        long above = order & ~(((1L << (4 * position)) << 4) - 1);
        return above | (below << 4) | way;
    }

    /** The bits a set of {@code ways} ways uses. */
    static long mask(int ways) {
        return ways == MAX_WAYS ? -1L : (1L << (4 * ways)) - 1;
    }

    /** The victim (the least recent way) is refilled: it becomes the most recent. {@code mask} is {@link #mask}(ways). */
    static long refillVictim(long order, int victim, long mask) {
        return ((order << 4) & mask) | victim;
    }
}
