/**
 * The system-call boundary: everything user code and the kernel exchange.
 *
 * <p>User code (the scenario interpreter in {@code dev.mkw.user}, sigma0) sees its CPU
 * through {@link dev.mkw.kernel.abi.UserCpu}: it computes, touches memory, executes
 * instructions that may trap (FPU, I/O, {@code cli}/{@code sti}, a raised exception) and
 * enters the kernel with {@link dev.mkw.kernel.abi.UserCpu#trap}. Arguments travel only in
 * its {@link dev.mkw.kernel.abi.UserRegisters} and its {@link dev.mkw.kernel.abi.Utcb}, as
 * the L4 X.2 reference manual lays them out (message tag in MR0, untyped words, then typed
 * items; the acceptor in BR0); results come back the same way. The kernel never sees a
 * program, a variable or a source line.
 */
package dev.mkw.kernel.abi;
