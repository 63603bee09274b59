package dev.mkw.dsl.validation;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.mkw.dsl.ParamValues;
import dev.mkw.dsl.mkw.Call;
import dev.mkw.dsl.mkw.Let;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Param;
import dev.mkw.dsl.mkw.Receive;
import dev.mkw.dsl.mkw.Repeat;
import dev.mkw.dsl.mkw.ReplyWait;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.mkw.Wait;
import dev.mkw.dsl.mkw.WaitNotify;
import dev.mkw.dsl.translate.Numbers;

/**
 * Scenario parameters ({@code param NAME default V}): one declaration per name, no variable
 * or received message under a parameter's name (so a bare name is never ambiguous), no field
 * of a parameter ({@code N.w0}), and no parameter without a use: setting one that nothing
 * reads would change nothing, and MKW has no words without effect.
 */
public class ParamValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    @Check
    public void declaredOnce(Param p) {
        if (p.getName() == null) return;
        Model own = EcoreUtil2.getContainerOfType(p, Model.class);
        for (var e : own.getElements()) {
            if (e == p) break;
            if (e instanceof Param q && p.getName().equals(q.getName())) {
                error("parameter " + p.getName() + " is declared twice (first at line " + line(q) + ")", MkwPackage.Literals.PARAM__NAME, IssueCodes.PARAM);
                return;
            }
        }
        Param visible = ParamValues.declared(p).get(p.getName());
        if (visible != null && visible != p && visible.eResource() != p.eResource()) {
            error("parameter " + p.getName() + " is already declared in an imported file (" + visible.eResource().getURI().lastSegment() + ")",
                    MkwPackage.Literals.PARAM__NAME, IssueCodes.PARAM);
        }
        if (!Numbers.sizeFits(p.getValue())) {
            error("the default of " + p.getName() + " does not fit in 64 bits", MkwPackage.Literals.PARAM__VALUE, IssueCodes.NUMBER_RANGE);
        }
    }

    @Check
    public void used(Param p) {
        if (p.getName() == null || p.eResource() == null) return;
        // Uses in this file, or in a loaded file importing it (a library's parameter used by its importers).
        var rs = p.eResource().getResourceSet();
        var resources = rs == null ? java.util.List.of(p.eResource()) : rs.getResources();
        for (var r : resources) {
            for (var it = r.getAllContents(); it.hasNext();) {
                if (it.next() instanceof VarRef v && p.getName().equals(v.getVar()) && ParamValues.of(v) == p) return;
            }
        }
        warning("parameter " + p.getName() + " is never used: setting it (--set param." + p.getName() + "=V) would change nothing; "
                + "write its name where a number goes (repeat " + p.getName() + " { }, string A length " + p.getName() + ")",
                MkwPackage.Literals.PARAM__NAME, IssueCodes.UNUSED_PARAM);
    }

    @Check
    public void noFieldOfAParameter(VarRef v) {
        if (v.getField() == null || v.getVar() == null) return;
        if (ParamValues.declared(v).containsKey(v.getVar())) {
            error(v.getVar() + " is a parameter, a number: it has no field '" + v.getField() + "'", MkwPackage.Literals.VAR_REF__VAR, IssueCodes.PARAM);
        }
    }

    @Check
    public void letName(Let l) {
        notAParameter(l, l.getVar(), MkwPackage.Literals.LET__VAR);
    }

    @Check
    public void loopIndex(Repeat r) {
        notAParameter(r, r.getIndex(), MkwPackage.Literals.REPEAT__INDEX);
    }

    @Check
    public void binding(EObject o) {
        if (o instanceof Receive x) notAParameter(x, x.getBind(), MkwPackage.Literals.RECEIVE__BIND);
        else if (o instanceof Wait x) notAParameter(x, x.getBind(), MkwPackage.Literals.WAIT__BIND);
        else if (o instanceof Call x) notAParameter(x, x.getBind(), MkwPackage.Literals.CALL__BIND);
        else if (o instanceof ReplyWait x) notAParameter(x, x.getBind(), MkwPackage.Literals.REPLY_WAIT__BIND);
        else if (o instanceof WaitNotify x) notAParameter(x, x.getBind(), MkwPackage.Literals.WAIT_NOTIFY__BIND);
    }

    private void notAParameter(EObject o, String name, EStructuralFeature f) {
        if (name == null) return;
        Map<String, Param> params = ParamValues.declared(o);
        Param p = params.get(name);
        if (p != null) {
            error("'" + name + "' is a parameter (line " + line(p) + "); give the variable another name", o, f, IssueCodes.PARAM);
        }
    }

    private static int line(EObject o) {
        var n = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(o);
        return n == null ? 0 : n.getStartLine();
    }
}
