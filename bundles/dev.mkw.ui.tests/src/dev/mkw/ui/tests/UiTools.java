package dev.mkw.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/** Event pumping and screenshots for UI tests. */
final class UiTools {
    private UiTools() {}

    /** Process UI events for {@code millis} (GTK paints late). */
    static void pump(long millis) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static void waitFor(BooleanSupplier condition, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) pump(50);
    }

    /** Photograph one view maximized, so its picture is not a sliver of a crowded perspective; then restore it. */
    static Path screenshot(org.eclipse.ui.IWorkbenchPage page, org.eclipse.ui.IViewPart view, String name) throws Exception {
        page.activate(view);
        org.eclipse.ui.IWorkbenchPartReference ref = page.getReference(view);
        page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        try {
            return screenshot(name);
        } finally {
            page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
            pump(200);
        }
    }

    /** Photograph the workbench window into target/screenshots/NAME.png. */
    static Path screenshot(String name) throws Exception {
        pump(700);
        return screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name);
    }

    /** Photograph {@code shell} (a dialog, say) as it is now, without pumping events. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Rectangle b = shell.getBounds();
        Image image = new Image(shell.getDisplay(), b.width, b.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("mkw.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
