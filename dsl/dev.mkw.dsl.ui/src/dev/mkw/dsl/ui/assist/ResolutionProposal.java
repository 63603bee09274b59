package dev.mkw.dsl.ui.assist;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;

/** A marker resolution shown in the Ctrl+1 popup; applying it runs the resolution on its marker. */
final class ResolutionProposal implements ICompletionProposal {
    private final IMarkerResolution resolution;
    private final IMarker marker;

    ResolutionProposal(IMarkerResolution resolution, IMarker marker) {
        this.resolution = resolution;
        this.marker = marker;
    }

    @Override
    public void apply(IDocument document) {
        resolution.run(marker);
    }

    @Override
    public Point getSelection(IDocument document) {
        return null;
    }

    @Override
    public String getAdditionalProposalInfo() {
        return resolution instanceof IMarkerResolution2 r ? r.getDescription() : null;
    }

    @Override
    public String getDisplayString() {
        return resolution.getLabel();
    }

    @Override
    public Image getImage() {
        return resolution instanceof IMarkerResolution2 r ? r.getImage() : null;
    }

    @Override
    public IContextInformation getContextInformation() {
        return null;
    }
}
