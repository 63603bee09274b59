package dev.mkw.dsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.util.CancelIndicator;

import dev.mkw.dsl.mkw.CapDecl;
import dev.mkw.dsl.mkw.IrqAttach;
import dev.mkw.dsl.mkw.MessageBody;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Protocol;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Receive;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.mkw.ThreadTarget;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.mkw.Wait;

/**
 * Semantic colouring beyond keywords: declarations of tasks, threads and protocols,
 * references to threads and protocol messages, and message variables, so a reader sees at a
 * glance who talks to whom.
 */
public class MkwHighlighting extends DefaultSemanticHighlightingCalculator {
    /** Style ids an editor maps to colours; the standard ones come from {@link HighlightingStyles}. */
    public static final String THREAD_REF = "mkw.thread";
    public static final String PROTOCOL_REF = "mkw.protocol";
    public static final String VARIABLE = "mkw.variable";

    @Override
    protected boolean highlightElement(EObject o, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        switch (o) {
            case Task t -> highlightFeature(acceptor, t, MkwPackage.Literals.TASK__NAME, HighlightingStyles.DEFINITION_ID);
            case Thread t -> highlightFeature(acceptor, t, MkwPackage.Literals.THREAD__NAME, HighlightingStyles.DEFINITION_ID);
            case Protocol p -> highlightFeature(acceptor, p, MkwPackage.Literals.PROTOCOL__NAME, HighlightingStyles.TYPE_ID);
            case ProtocolMessage m -> highlightFeature(acceptor, m, MkwPackage.Literals.PROTOCOL_MESSAGE__NAME, HighlightingStyles.TYPE_ID);
            case ThreadTarget t -> highlightFeature(acceptor, t, MkwPackage.Literals.THREAD_TARGET__THREAD, THREAD_REF);
            case IrqAttach a -> highlightFeature(acceptor, a, MkwPackage.Literals.IRQ_ATTACH__HANDLER, THREAD_REF);
            case CapDecl c -> highlightFeature(acceptor, c, MkwPackage.Literals.CAP_DECL__TARGET, THREAD_REF);
            case MessageBody m -> highlightFeature(acceptor, m, MkwPackage.Literals.MESSAGE_BODY__TYPE, PROTOCOL_REF);
            case Wait w -> {
                highlightFeature(acceptor, w, MkwPackage.Literals.WAIT__BIND, VARIABLE);
                highlightFeature(acceptor, w, MkwPackage.Literals.WAIT__TYPE, PROTOCOL_REF);
            }
            case Receive r -> {
                highlightFeature(acceptor, r, MkwPackage.Literals.RECEIVE__BIND, VARIABLE);
                highlightFeature(acceptor, r, MkwPackage.Literals.RECEIVE__TYPE, PROTOCOL_REF);
            }
            case VarRef v -> highlightFeature(acceptor, v, MkwPackage.Literals.VAR_REF__VAR, VARIABLE);
            default -> { }
        }
        return false;
    }
}
