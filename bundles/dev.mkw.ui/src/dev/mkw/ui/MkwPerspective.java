package dev.mkw.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The MKW perspective: scenarios on the left, the editor in the middle, the inspect views
 * (Threads, Address Spaces, Capabilities, IRQs) on the right, profile data (Kernel Paths,
 * Message Log) and the console below.
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

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editor);
        IFolderLayout right = layout.createFolder("dev.mkw.ui.right", IPageLayout.RIGHT, 0.6f, editor);
        right.addView(THREADS);
        right.addView(ADDRESS_SPACES);
        right.addView(CAPABILITIES);
        right.addView(IRQS);
        IFolderLayout bottom = layout.createFolder("dev.mkw.ui.bottom", IPageLayout.BOTTOM, 0.6f, editor);
        bottom.addView(KERNEL_PATHS);
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
        layout.addPerspectiveShortcut(ID);
    }
}
