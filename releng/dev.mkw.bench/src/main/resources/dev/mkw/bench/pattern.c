/*
 * The access patterns of dev.mkw.hw.bench.MemoryAccessBenchmark as a native program, for
 * cachegrind to simulate: the same working sets, the same address arithmetic (72-byte stride,
 * sequential words, 1 in 8 a xorshift jump), one store in four. The addresses are computed in
 * registers, so nearly every data reference cachegrind counts is one of the pattern's accesses.
 *
 *   pattern l1-resident|mixed|stream COUNT
 *
 * Prints the sum of what it read, so the compiler cannot drop the loads.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: pattern l1-resident|mixed|stream COUNT\n");
        return 2;
    }
    int kind = strcmp(argv[1], "l1-resident") == 0 ? 0 : strcmp(argv[1], "mixed") == 0 ? 1 : strcmp(argv[1], "stream") == 0 ? 2 : -1;
    if (kind < 0) {
        fprintf(stderr, "pattern: unknown pattern %s\n", argv[1]);
        return 2;
    }
    uint64_t count = strtoull(argv[2], NULL, 10);
    uint64_t size = kind == 0 ? 16u << 10 : kind == 1 ? 1u << 20 : 4u << 20;
    volatile uint8_t *data = calloc(size + 8, 1);
    if (!data) return 1;
    uint64_t a = 0, x = 20261123, sum = 0;
    for (uint64_t n = 0; n < count; n++) {
        if (kind == 0) {
            a = (a + 8) & (size - 1);
        } else if (kind == 2) {
            a += 72;
            if (a >= size) a -= size;
        } else if ((n & 7) == 7) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            a = (x >> 20) & (size - 8);
        } else {
            a = (a + 8) & (size - 1);
        }
        volatile uint64_t *p = (volatile uint64_t *) (data + a);
        if ((n & 3) == 3) *p = n;
        else sum += *p;
    }
    printf("%llu\n", (unsigned long long) sum);
    return 0;
}
