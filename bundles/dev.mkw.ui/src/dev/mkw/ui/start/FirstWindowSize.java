package dev.mkw.ui.start;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The size of the workbench window on the first start of a workspace: the platform's default
 * (about 1024 x 740 whatever the screen) is cramped for a perspective of fourteen views. On a
 * screen up to {@value #SMALL_HEIGHT} pixels high the window takes the whole work area
 * (maximized); on a larger one {@value #SHARE_PERCENT} % of it, centred. Done once per workspace
 * (a preference remembers it); afterwards the workbench restores whatever size the user left it
 * at, as Eclipse does for any window.
 */
public final class FirstWindowSize implements IStartup {
    static final String DONE = "window.sized";
    static final int SMALL_HEIGHT = 900;
    static final int SHARE_PERCENT = 85;

    @Override
    public void earlyStartup() {
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
            IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (w != null) applyOnce(w.getShell());
        });
    }

    /** Sizes {@code shell} unless this workspace's window was sized before; true when it did. */
    public static boolean applyOnce(Shell shell) {
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(dev.mkw.ui.prefs.MkwPreferences.NODE);
        if (prefs.getBoolean(DONE, false) || shell == null || shell.isDisposed()) return false;
        shell.setBounds(firstBounds(shell.getMonitor().getClientArea()));
        if (shell.getMonitor().getClientArea().height <= SMALL_HEIGHT) shell.setMaximized(true);
        prefs.putBoolean(DONE, true);
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Not remembered: the next start sizes the window again, no harm done.
        }
        return true;
    }

    /** The first bounds on a monitor with work area {@code area}. */
    public static Rectangle firstBounds(Rectangle area) {
        if (area.height <= SMALL_HEIGHT) return new Rectangle(area.x, area.y, area.width, area.height);
        int w = area.width * SHARE_PERCENT / 100, h = area.height * SHARE_PERCENT / 100;
        return new Rectangle(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    }
}
