package dev.mkw.ui.start;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** MKW > Getting Started: shows the walk through the first experiment. */
public final class GettingStartedHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(GettingStartedView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the Getting Started view", e);
        }
        return null;
    }
}
