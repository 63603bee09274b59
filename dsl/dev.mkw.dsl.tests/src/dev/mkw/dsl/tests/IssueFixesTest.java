package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.validation.IssueCodes;
import dev.mkw.dsl.validation.IssueFixes;

/** Quick-fix data: each fixable issue offers an edit, and applying it removes the issue. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MkwInjectorProvider.class)
class IssueFixesTest {
    @Inject ParseHelper<Model> parser;
    @Inject ValidationTestHelper validation;

    /** Validates, applies the first fix of the issue with {@code code}, and returns the fixed text. */
    private String fix(String text, String code, String expectedLabel) throws Exception {
        List<Issue> issues = validation.validate(parser.parse(text));
        Issue issue = issues.stream().filter(i -> code.equals(i.getCode())).findFirst().orElseThrow(() -> new AssertionError(issues.toString()));
        assertTrue(IssueFixes.isFixable(code));
        List<IssueFixes.Fix> fixes = IssueFixes.fixes(issue);
        assertEquals(expectedLabel, fixes.get(0).label());
        String fixed = fixes.get(0).applyTo(text);
        assertEquals(List.of(), Scenarios.formatted(ScenarioLoader.standalone().load(fixed, "/t/fixed.mkw")), fixed);
        return fixed;
    }

    @Test
    void misspeltPreset() throws Exception {
        assertEquals(Scenarios.with("").replace("i486_50", "i486_50"),
                fix(Scenarios.with("").replace("i486_50", "i486_05"), IssueCodes.UNKNOWN_PRESET, "Change to preset 'i486_50'"));
    }

    @Test
    void fpageSizeAndAlignment() throws Exception {
        String t = Scenarios.with("task a pager root { thread t { unmap 0x10000 size 12K } }");
        assertTrue(fix(t, IssueCodes.FPAGE_SIZE, "Round the size up to 16K").contains("unmap 0x10000 size 16K"));
        String u = Scenarios.with("task a pager root { thread t { unmap 0x11000 size 64K } }");
        assertTrue(fix(u, IssueCodes.FPAGE_ALIGNMENT, "Align the base down to 0x10000").contains("unmap 0x10000 size 64K"));
    }

    @Test
    void missingPagerPriorityTimeoutCpuPolicy() throws Exception {
        assertTrue(fix(Scenarios.with("task a { thread t { load 0x1000 } }"), IssueCodes.NO_PAGER, "Give the task the root pager: 'a pager root'")
                .contains("task a pager root {"));
        assertTrue(fix(Scenarios.with("task a pager root { thread t priority 256 { exit } }"), IssueCodes.PRIORITY_RANGE, "Change the priority to 255")
                .contains("priority 255"));
        assertTrue(fix(Scenarios.with("task a pager root { thread t { wait any timeout 3 cycles } }"), IssueCodes.TIMEOUT_RANGE, "Use timeout zero")
                .contains("timeout zero"));
        assertTrue(fix(Scenarios.with("task a pager root { thread t cpu 3 { exit } }"), IssueCodes.NEVER_RUNS, "Bind the thread to cpu 0")
                .contains("cpu 0"));
        assertTrue(fix("scenario T kernel { scheduler priority-r }", IssueCodes.UNKNOWN_POLICY, "Change to scheduler policy 'priority-rr'")
                .contains("scheduler priority-rr"));
    }

    @Test
    void issuesWithoutAnObviousFixOfferNone() {
        assertTrue(IssueFixes.fixes(IssueCodes.REGION_OVERLAP, 0, 1, new String[0]).isEmpty());
        assertTrue(IssueFixes.fixes("no.such.code", 0, 1, new String[] {"x"}).isEmpty());
    }
}
