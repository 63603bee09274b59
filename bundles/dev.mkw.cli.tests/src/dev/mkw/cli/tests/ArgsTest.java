package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliException;

class ArgsTest {

    private static Args parse(String... argv) throws CliException {
        return Args.parse("run", List.of(argv), Set.of("seed", "set", "until-cycles"), Set.of("quiet"));
    }

    @Test
    void optionsTakeValuesInBothForms() throws Exception {
        Args a = parse("ping", "--seed", "7", "--until-cycles=10k", "--quiet");
        assertEquals(List.of("ping"), a.positionals());
        assertEquals(7, a.longValue("seed", 0));
        assertEquals(10_000, a.longValue("until-cycles", 0));
        assertTrue(a.flag("quiet"));
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() throws Exception {
        Args a = parse("--set", "kernel.fastpath=off", "--set", "kernel.scheduling=benno");
        assertEquals(List.of("kernel.fastpath=off", "kernel.scheduling=benno"), a.values("set"));
    }

    @Test
    void unknownOptionNamesTheCommand() {
        CliException e = assertThrows(CliException.class, () -> parse("--sed", "7"));
        assertEquals("unknown option --sed for 'mkw run'; see 'mkw run --help'", e.getMessage());
    }

    @Test
    void badNumberSaysWhatWasExpected() throws Exception {
        Args a = parse("--seed", "seven");
        CliException e = assertThrows(CliException.class, () -> a.longValue("seed", 0));
        assertTrue(e.getMessage().contains("--seed expects a number"), e.getMessage());
    }

    @Test
    void missingValueIsAnError() {
        CliException e = assertThrows(CliException.class, () -> parse("--seed"));
        assertEquals("option --seed of 'mkw run' needs a value", e.getMessage());
    }
}
