package dev.mkw.kernel.inspect;

/**
 * One mapping of an address space, with its place in the mapping database.
 *
 * @param task        the address space
 * @param vaddr       virtual page, hex
 * @param frame       physical frame, hex
 * @param rights      rwx
 * @param derivedFrom the mapping it was derived from ("sigma0" for sigma0's, "task@0x..." otherwise)
 * @param derived     how many mappings were derived from it, recursively
 */
public record MappingInfo(String task, String vaddr, String frame, String rights, String derivedFrom, int derived) {}
