package dev.mkw.dsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.mkw.dsl.ParamValues;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.translate.ThreadCount;

/**
 * Threads declared with a count ({@code thread worker[clients] as i}, {@link ThreadCount}): the
 * count is a constant of the load, at least 1, and all threads together fit the kernel's thread
 * numbers; the threads of such a declaration have no single name, so nothing may name it as a
 * partner, pager or handler (they are reached as senders: {@code wait any}, {@code reply}); its
 * number variable is no parameter. Each an error at the place, with the parameter's value when
 * the count comes from one. Part of {@link MkwValidator} through {@code @ComposedChecks}.
 */
public class ThreadCountValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    @Check
    public void countIsAConstantOfAtLeastOne(Thread t) {
        if (t.getCount() == null) return;
        Long n = ThreadCount.value(t);
        if (n == null) {
            error("a thread count is a constant: a number or a parameter (param " + t.getName() + "s default 4), not a variable of a thread",
                    MkwPackage.Literals.THREAD__COUNT, IssueCodes.THREAD_COUNT);
        } else if (n < 1) {
            error("thread " + t.getName() + ": a thread count is at least 1, not " + n + fromParameter(t), MkwPackage.Literals.THREAD__COUNT, IssueCodes.THREAD_COUNT);
        } else if (n > ThreadCount.MAX_THREADS) {
            error("thread " + t.getName() + ": " + n + " threads, but the kernel has thread numbers for " + ThreadCount.MAX_THREADS + " (18-bit thread numbers, one TCB slot each)"
                    + fromParameter(t), MkwPackage.Literals.THREAD__COUNT, IssueCodes.THREAD_COUNT);
        }
    }

    /** All threads of the scenario (its own file) together: the kernel's TCB slots. */
    @Check
    public void allThreadsFitTheKernel(Model m) {
        long total = 0;
        Thread last = null;
        for (EObject e : m.getElements()) {
            if (!(e instanceof Task task)) continue;
            for (EObject member : task.getMembers()) {
                if (member instanceof Thread t) {
                    total += ThreadCount.of(t);
                    if (t.getCount() != null) last = t;
                }
            }
        }
        if (last != null && total > ThreadCount.MAX_THREADS) {
            error("the scenario declares " + total + " threads; the kernel has thread numbers for " + ThreadCount.MAX_THREADS + " (18-bit thread numbers, one TCB slot each)",
                    last, MkwPackage.Literals.THREAD__COUNT, IssueCodes.THREAD_COUNT);
        }
    }

    @Check
    public void indexIsNoParameter(Thread t) {
        if (t.getIndex() == null) return;
        if (t.getCount() == null) return;
        if (ParamValues.declared(t).containsKey(t.getIndex())) {
            error("'" + t.getIndex() + "' is a parameter; give the thread's number another name", MkwPackage.Literals.THREAD__INDEX, IssueCodes.PARAM);
        }
    }

    /** A partner, pager, exception handler, capability or interrupt handler names one thread: not a declaration of several. */
    @Check
    public void noReferenceToACountedThread(EObject o) {
        for (EReference r : o.eClass().getEAllReferences()) {
            if (r.isContainment() || r.isMany() || r.getEReferenceType() != MkwPackage.Literals.THREAD) continue;
            Object v = o.eGet(r, false);
            if (v instanceof Thread t && !t.eIsProxy() && t.getCount() != null) {
                error(dev.mkw.dsl.translate.ScenarioTranslator.qualified(t) + " is declared with a count (" + t.getName() + "[...]): it is several threads, so it cannot be named here; "
                        + "they reach a server by call or send, and it answers them as senders (wait any as x, reply x)", o, r, IssueCodes.THREAD_COUNT);
            }
        }
    }

    private static String fromParameter(Thread t) {
        if (t.getCount() instanceof VarRef v && ParamValues.of(v) != null) {
            return " (param " + v.getVar() + " is " + ParamValues.value(ParamValues.of(v)) + "; --set param." + v.getVar() + "=N with N >= 1)";
        }
        return "";
    }
}
