package dev.mkw.dsl.ui.assist;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.mkw.dsl.ui.markers.ProblemMarkers;

/**
 * Ctrl+1 in the editor: the marker resolutions (see MkwMarkerResolutions) of the problem
 * markers under the caret, the same fixes the Problems view offers.
 */
public final class MarkerQuickAssistProcessor implements IQuickAssistProcessor {

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation m && IDE.getMarkerHelpRegistry().hasResolutions(m.getMarker());
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext context) {
        return false;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
        List<ICompletionProposal> out = new ArrayList<>();
        if (model == null) return new ICompletionProposal[0];
        int offset = context.getOffset();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            if (!(it.next() instanceof MarkerAnnotation a) || !isScenarioProblem(a.getMarker())) continue;
            Position p = model.getPosition(a);
            if (p == null || offset < p.getOffset() || offset > p.getOffset() + p.getLength()) continue;
            for (IMarkerResolution r : IDE.getMarkerHelpRegistry().getResolutions(a.getMarker())) out.add(new ResolutionProposal(r, a.getMarker()));
        }
        return out.toArray(ICompletionProposal[]::new);
    }

    private static boolean isScenarioProblem(IMarker m) {
        try {
            return m.exists() && m.isSubtypeOf(ProblemMarkers.TYPE);
        } catch (org.eclipse.core.runtime.CoreException e) {
            return false;
        }
    }
}
