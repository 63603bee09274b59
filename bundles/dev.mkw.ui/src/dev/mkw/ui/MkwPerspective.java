package dev.mkw.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The MKW perspective: scenarios on the left, the editor in the middle, the inspect views
 * (Threads, Address Spaces, Capabilities, IRQs) on the right with the profile charts (CPU
 * Share, IPC Latency, Cache &amp; TLB, Analyses) stacked after them, and below the wide views
 * (Kernel Paths, Timeline, Message Log, Run Control) and the console.
 */
public final class MkwPerspective implements IPerspectiveFactory {
    public static final String ID = "dev.mkw.ui.perspective";
    public static final String THREADS = "dev.mkw.ui.views.threads";
    public static final String KERNEL_PATHS = "dev.mkw.ui.views.kernelPaths";
    public static final String ADDRESS_SPACES = "dev.mkw.ui.views.addressSpaces";
    public static final String CAPABILITIES = "dev.mkw.ui.views.capabilities";
    public static final String IRQS = "dev.mkw.ui.views.irqs";
    public static final String MESSAGE_LOG = "dev.mkw.ui.views.messageLog";
    public static final String RUN_CONTROL = "dev.mkw.ui.views.runControl";
    public static final String IPC_LATENCY = "dev.mkw.ui.views.ipcLatency";
    public static final String CACHE_TLB = "dev.mkw.ui.views.cacheTlb";
    public static final String CPU_SHARE = "dev.mkw.ui.views.cpuShare";
    public static final String TIMELINE = "dev.mkw.ui.views.timeline";
    public static final String ANALYSES = "dev.mkw.ui.views.analyses";
    public static final String GETTING_STARTED = "dev.mkw.ui.views.gettingStarted";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editor);
        IFolderLayout right = layout.createFolder("dev.mkw.ui.right", IPageLayout.RIGHT, 0.6f, editor);
        // First in the right folder: a newcomer sees the walk through the first experiment.
        right.addView(GETTING_STARTED);
        right.addView(THREADS);
        right.addView(ADDRESS_SPACES);
        right.addView(CAPABILITIES);
        right.addView(IRQS);
        // The profile charts get a folder of their own below: nine tabs in one folder shrank to a
        // letter each ("G T A C I C I C A") even on a 1920 x 1080 screen, unreadable for a newcomer.
        IFolderLayout charts = layout.createFolder("dev.mkw.ui.charts", IPageLayout.BOTTOM, 0.6f, "dev.mkw.ui.right");
        charts.addView(CPU_SHARE);
        charts.addView(IPC_LATENCY);
        charts.addView(CACHE_TLB);
        charts.addView(ANALYSES);
        IFolderLayout bottom = layout.createFolder("dev.mkw.ui.bottom", IPageLayout.BOTTOM, 0.6f, editor);
        bottom.addView(KERNEL_PATHS);
        bottom.addView(TIMELINE);
        bottom.addView(MESSAGE_LOG);
        bottom.addView(RUN_CONTROL);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView("org.eclipse.ui.console.ConsoleView");
        layout.addShowViewShortcut(THREADS);
        layout.addShowViewShortcut(KERNEL_PATHS);
        layout.addShowViewShortcut(ADDRESS_SPACES);
        layout.addShowViewShortcut(CAPABILITIES);
        layout.addShowViewShortcut(IRQS);
        layout.addShowViewShortcut(MESSAGE_LOG);
        layout.addShowViewShortcut(RUN_CONTROL);
        for (String v : new String[] {TIMELINE, CPU_SHARE, IPC_LATENCY, CACHE_TLB, ANALYSES}) layout.addShowViewShortcut(v);
        layout.addPerspectiveShortcut(ID);
    }
}
