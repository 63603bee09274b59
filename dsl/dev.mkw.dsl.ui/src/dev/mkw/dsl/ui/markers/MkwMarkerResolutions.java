package dev.mkw.dsl.ui.markers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import dev.mkw.dsl.validation.IssueFixes;

/**
 * Quick fixes for scenario problem markers (Problems view, ruler, Ctrl+1): the fixes
 * {@link IssueFixes} derives from the issue data that {@link ProblemMarkers} stored.
 */
public class MkwMarkerResolutions implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return IssueFixes.isFixable(marker.getAttribute(ProblemMarkers.CODE, null)) && marker.getAttribute(ProblemMarkers.FIX_COUNT, 0) > 0;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker)) return new IMarkerResolution[0];
        int start = marker.getAttribute(IMarker.CHAR_START, -1);
        int end = marker.getAttribute(IMarker.CHAR_END, start);
        String[] data = new String[marker.getAttribute(ProblemMarkers.FIX_COUNT, 0)];
        for (int i = 0; i < data.length; i++) data[i] = marker.getAttribute(ProblemMarkers.FIX_PREFIX + i, "");
        List<IMarkerResolution> out = new ArrayList<>();
        for (IssueFixes.Fix fix : IssueFixes.fixes(marker.getAttribute(ProblemMarkers.CODE, null), start, end - start, data)) {
            out.add(new FixResolution(fix, marker.getAttribute(ProblemMarkers.ORIGINAL, "")));
        }
        return out.toArray(IMarkerResolution[]::new);
    }
}
