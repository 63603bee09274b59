package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.UserRegisters;

/**
 * A thread's saved user registers: the system-call argument registers (TO, FROM, the two
 * timeouts, ARG0..ARG2, BADGE), the instruction pointer and r0..r3. MKW keeps the argument
 * registers apart from r0..r3, so an exception IPC reports r0..r3 as the program left them
 * (L4 X.2 reference manual, "Exception Protocol").
 */
class UserRegistersTest {

    @Test
    void everyArgumentRegisterIsItsOwn() {
        UserRegisters r = new UserRegisters();
        int[] regs = {UserRegisters.TO, UserRegisters.FROM, UserRegisters.SEND_TIMEOUT, UserRegisters.RECV_TIMEOUT,
            UserRegisters.ARG0, UserRegisters.ARG1, UserRegisters.ARG2, UserRegisters.BADGE};
        for (int i = 0; i < regs.length; i++) r.set(regs[i], 100 + i);
        for (int i = 0; i < regs.length; i++) assertEquals(100 + i, r.get(regs[i]));
    }

    @Test
    void argumentsLeaveTheGeneralRegistersAlone() {
        UserRegisters r = new UserRegisters();
        for (int i = 0; i < UserRegisters.GENERAL; i++) r.setGeneral(i, 7 + i);
        r.setIp(42);
        r.set(UserRegisters.ARG0, -1);
        r.set(UserRegisters.TO, -1);
        for (int i = 0; i < UserRegisters.GENERAL; i++) assertEquals(7 + i, r.general(i));
        assertEquals(42, r.ip());
    }

    /** Nil (no phase) and "any" (open wait) are distinct; "never" is the wait-forever timeout. */
    @Test
    void theSpecialValues() {
        assertEquals(0, UserRegisters.NIL);
        assertEquals(-1, UserRegisters.ANY);
        assertNotEquals(UserRegisters.NIL, UserRegisters.ANY);
        assertEquals(-1, UserRegisters.NEVER);
    }
}
