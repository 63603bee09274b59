package dev.mkw.ui.views;

import org.eclipse.jface.viewers.ISelection;

import dev.mkw.kernel.inspect.MessageInfo;

/**
 * The selection the Message Log and the Timeline exchange through the workbench selection
 * service: one IPC. A record of its own (not a structured selection of rows) so each view
 * can tell "an IPC was picked" from any other part's selection without guessing.
 */
public record IpcSelection(MessageInfo message) implements ISelection {
    @Override
    public boolean isEmpty() {
        return message == null;
    }
}
