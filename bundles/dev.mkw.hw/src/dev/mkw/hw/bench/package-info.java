/** Speed of the hardware model: simulated memory accesses per host second for fixed access patterns. */
package dev.mkw.hw.bench;
