package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.mkw.ui.prefs.MkwPreferences;
import dev.mkw.ui.start.FirstWindowSize;

/** The first window of a workspace fits the screen; afterwards the user's size stays. */
class FirstWindowSizeTest {

    @Test
    void firstStartSizesTheWindowToTheScreenOnceAndThenLeavesItAlone() throws Exception {
        var prefs = InstanceScope.INSTANCE.getNode(MkwPreferences.NODE);
        // The startup contribution ran when the workbench came up.
        UiTools.waitFor(() -> prefs.getBoolean("window.sized", false), 10_000);
        assertTrue(prefs.getBoolean("window.sized", false), "the workbench sized its first window");

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Rectangle area = shell.getMonitor().getClientArea();
        // As on a first start of a workspace:
        prefs.putBoolean("window.sized", false);
        shell.setMaximized(false);
        shell.setBounds(100, 100, 1024, 740);
        UiTools.pump(200);
        assertTrue(FirstWindowSize.applyOnce(shell));
        UiTools.pump(300);
        Point size = shell.getSize();
        assertTrue(size.x >= area.width * 0.84 && size.y >= area.height * 0.84, "window " + size + " on a work area of " + area);
        UiTools.screenshot("first-start-window");

        // The user makes it smaller: a later start (the same check again) keeps the user's size.
        shell.setMaximized(false);
        shell.setBounds(50, 50, 900, 650);
        UiTools.pump(200);
        assertFalse(FirstWindowSize.applyOnce(shell), "sized once per workspace");
        assertEquals(new Point(900, 650), shell.getSize());
        shell.setBounds(FirstWindowSize.firstBounds(area));
        UiTools.pump(200);
    }

    @Test
    void aLargeScreenGetsAProportionalCentredWindowASmallOneAllOfIt() {
        assertEquals(new Rectangle(192, 108, 2176, 1224), FirstWindowSize.firstBounds(new Rectangle(0, 0, 2560, 1440)));
        assertEquals(new Rectangle(0, 0, 1280, 800), FirstWindowSize.firstBounds(new Rectangle(0, 0, 1280, 800)));
    }
}
