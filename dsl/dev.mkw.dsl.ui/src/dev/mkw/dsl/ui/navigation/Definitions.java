package dev.mkw.dsl.ui.navigation;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import dev.mkw.dsl.ui.MkwLanguage;

/** Where a cross reference (a thread, a protocol message) in the text points: the declaring file and its name's range. */
public final class Definitions {
    private Definitions() {}

    /** The declaration's file and the range of its name. */
    public record Target(URI file, int offset, int length) {}

    /** The reference under {@code offset} and its declaration, or null when there is no resolvable reference there. */
    public record Link(int offset, int length, Target target) {}

    /**
     * Hyperlink detection asks on every mouse move while Ctrl is held, mostly for the same text:
     * keep the last parse (one entry; guarded, since a lazily resolved resource is not thread-safe).
     */
    private static final Object LOCK = new Object();
    private static String cachedText;
    private static URI cachedUri;
    private static XtextResource cached;

    public static Link at(String text, int offset, URI uri) {
        synchronized (LOCK) {
            if (cached == null || !uri.equals(cachedUri) || !text.equals(cachedText)) {
                cached = MkwLanguage.parse(text, uri);
                cachedText = text;
                cachedUri = uri;
            }
            return find(cached, offset);
        }
    }

    private static Link find(XtextResource resource, int offset) {
        EObjectAtOffsetHelper helper = MkwLanguage.get(EObjectAtOffsetHelper.class);
        INode node = helper.getCrossReferenceNode(resource, new TextRegion(offset, 0));
        if (node == null) return null;
        EObject target = helper.getCrossReferencedElement(node);
        if (target == null || target.eIsProxy()) return null;
        ITextRegion name = MkwLanguage.get(ILocationInFileProvider.class).getSignificantTextRegion(target);
        URI file = EcoreUtil.getURI(target).trimFragment();
        return new Link(node.getOffset(), node.getLength(), new Target(file, name.getOffset(), name.getLength()));
    }
}
