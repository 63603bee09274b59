package dev.mkw.dsl.translate;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.dsl.mkw.Ack;
import dev.mkw.dsl.mkw.Acceptor;
import dev.mkw.dsl.mkw.AllowCall;
import dev.mkw.dsl.mkw.Attach;
import dev.mkw.dsl.mkw.Binary;
import dev.mkw.dsl.mkw.Call;
import dev.mkw.dsl.mkw.CancelIpc;
import dev.mkw.dsl.mkw.CapTarget;
import dev.mkw.dsl.mkw.Compute;
import dev.mkw.dsl.mkw.Detach;
import dev.mkw.dsl.mkw.Exit;
import dev.mkw.dsl.mkw.Fpu;
import dev.mkw.dsl.mkw.If;
import dev.mkw.dsl.mkw.InterruptFlag;
import dev.mkw.dsl.mkw.IrqTarget;
import dev.mkw.dsl.mkw.Let;
import dev.mkw.dsl.mkw.Load;
import dev.mkw.dsl.mkw.MapItem;
import dev.mkw.dsl.mkw.MessageBody;
import dev.mkw.dsl.mkw.Notify;
import dev.mkw.dsl.mkw.NumberLit;
import dev.mkw.dsl.mkw.PortIo;
import dev.mkw.dsl.mkw.ProtocolMessage;
import dev.mkw.dsl.mkw.Raise;
import dev.mkw.dsl.mkw.RandomExpr;
import dev.mkw.dsl.mkw.Receive;
import dev.mkw.dsl.mkw.Repeat;
import dev.mkw.dsl.mkw.Reply;
import dev.mkw.dsl.mkw.ReplyWait;
import dev.mkw.dsl.mkw.Revoke;
import dev.mkw.dsl.mkw.Send;
import dev.mkw.dsl.mkw.Sleep;
import dev.mkw.dsl.mkw.Statement;
import dev.mkw.dsl.mkw.Store;
import dev.mkw.dsl.mkw.StringItem;
import dev.mkw.dsl.mkw.TargetRef;
import dev.mkw.dsl.mkw.ThreadTarget;
import dev.mkw.dsl.mkw.TimeValue;
import dev.mkw.dsl.mkw.TimeoutSpec;
import dev.mkw.dsl.mkw.Touch;
import dev.mkw.dsl.mkw.Unmap;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.mkw.Wait;
import dev.mkw.dsl.mkw.WaitNotify;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/** Statements of a thread's body → the kernel's {@link Op}s, each with its source position. */
final class OpTranslator {
    private final Positions at;
    private final double clockMhz;

    OpTranslator(Positions at, double clockMhz) {
        this.at = at;
        this.clockMhz = clockMhz;
    }

    List<Op> block(List<Statement> body) {
        List<Op> ops = new ArrayList<>();
        for (Statement s : body) ops.add(op(s));
        return ops;
    }

    private Op op(Statement s) {
        var p = at.of(s);
        return switch (s) {
            case Send x -> new Op.Send(target(x.getTo()), message(x.getMsg()), timeout(x.getTimeout()), p);
            case Call x when x.getVia() != null -> new Op.DomainCall(target(x.getTo()), x.getVia(), message(x.getMsg()), x.getBind(), p);
            case AllowCall x -> new Op.AllowCall(target(x.getCaller()), p);
            case Call x -> new Op.Call(target(x.getTo()), message(x.getMsg()), acceptor(x.getAccept()), x.getBind(), timeout(x.getTimeout()), p);
            case Receive x -> new Op.Receive(target(x.getFrom()), acceptor(x.getAccept()), x.getBind(), timeout(x.getTimeout()), p);
            case Wait x -> new Op.Receive(new Target.Any(), acceptor(x.getAccept()), x.getBind(), timeout(x.getTimeout()), p);
            case Reply x -> new Op.Reply(new Target.Sender(x.getTo()), message(x.getMsg()), x.isStop(), p);
            case ReplyWait x -> new Op.ReplyWait(new Target.Sender(x.getTo()), message(x.getMsg()), acceptor(x.getAccept()), x.getBind(), timeout(x.getTimeout()), p);
            case Sleep x -> new Op.Receive(new Target.Nil(), null, null, time(x.getDuration()), p);
            case Notify x -> new Op.Notify(target(x.getTo()), expr(x.getBits()), p);
            case WaitNotify x -> new Op.WaitNotify(expr(x.getMask()), x.getBind(), timeout(x.getTimeout()), p);
            case Compute x -> new Op.Compute(expr(x.getCycles()), p);
            case Touch x -> new Op.Touch(expr(x.getFrom()), expr(x.getTo()), new Expr.Const(Numbers.size(x.getStride())), x.isWrite(), p);
            case Load x -> new Op.Access(expr(x.getAddress()), Op.AccessKind.READ, p);
            case Store x -> new Op.Access(expr(x.getAddress()), Op.AccessKind.WRITE, p);
            case Fpu x -> new Op.Fpu(expr(x.getCycles()), p);
            case Raise x -> new Op.Raise(switch (x.getKind()) {
                case DIVIDE_ERROR -> Op.ExceptionKind.DIVIDE_ERROR;
                case INVALID_OPCODE -> Op.ExceptionKind.INVALID_OPCODE;
                case PROTECTION_FAULT -> Op.ExceptionKind.PROTECTION_FAULT;
                case BREAKPOINT -> Op.ExceptionKind.BREAKPOINT;
            }, p);
            case PortIo x -> new Op.IoAccess(expr(x.getPort()), x.isOut(), p);
            case Attach x -> new Op.AttachIrq(x.getLine(), p);
            case Detach x -> new Op.DetachIrq(x.getLine(), p);
            case Ack x -> new Op.AckIrq(x.getLine(), p);
            case InterruptFlag x -> new Op.SetInterruptFlag(x.isEnable(), p);
            case Unmap x -> new Op.Unmap(expr(x.getBase()), Numbers.log2(Numbers.size(x.getSize())), x.getRights() == null ? "rwx" : x.getRights(), x.isFlush(), p);
            case Revoke x -> new Op.RevokeCap(x.getSlot(), p);
            case CancelIpc x -> new Op.CancelIpc(target(x.getThread()), x.isAbort(), p);
            case Repeat x -> new Op.Repeat(x.isForever() ? new Expr.Const(Op.Repeat.FOREVER) : expr(x.getCount()), x.getIndex(), block(x.getBody()), p);
            case If x -> new Op.If(new Op.Cond(expr(x.getLeft()), x.getOp(), expr(x.getRight())), block(x.getThen()), block(x.getElse()), p);
            case Let x -> new Op.Let(x.getVar(), expr(x.getValue()), p);
            case Exit x -> new Op.Exit(p);
            case dev.mkw.dsl.mkw.Migrate x -> new Op.Migrate(x.getThread() == null ? null : target(x.getThread()), expr(x.getCpu()), p);
            default -> throw new IllegalStateException("statement " + s.eClass().getName() + " has no translation");
        };
    }

    private Target target(TargetRef t) {
        return switch (t) {
            case ThreadTarget x -> new Target.Thread(ScenarioTranslator.qualified(x.getThread()));
            case IrqTarget x -> new Target.Irq(x.getLine());
            case CapTarget x -> new Target.CapSlot(x.getSlot());
            default -> throw new IllegalStateException("target " + t);
        };
    }

    private MessageSpec message(MessageBody m) {
        if (m == null) return MessageSpec.EMPTY;
        ProtocolMessage type = m.getType();
        String protocol = type == null ? null : ((dev.mkw.dsl.mkw.Protocol) type.eContainer()).getName() + "." + type.getName();
        Expr label = m.getLabel() != null ? expr(m.getLabel())
                : new Expr.Const(type != null && type.getLabel() != null ? Numbers.parse(type.getLabel()) : 0);
        List<Expr> words = new ArrayList<>();
        for (var w : m.getWords()) words.add(expr(w));
        List<MessageSpec.Item> items = new ArrayList<>();
        for (var item : m.getItems()) {
            if (item instanceof MapItem mi) {
                items.add(new MessageSpec.MapItem(expr(mi.getBase()), Numbers.log2(Numbers.size(mi.getSize())), mi.getRights() == null ? "rwx" : mi.getRights(),
                        mi.isGrant(), mi.getHotspot() == null ? null : expr(mi.getHotspot())));
            } else if (item instanceof StringItem si) {
                items.add(new MessageSpec.StringItem(expr(si.getAddress()), expr(si.getLength())));
            } else if (item instanceof dev.mkw.dsl.mkw.CapItem ci) {
                items.add(new MessageSpec.CapItem(ci.getSlot(), ci.getRights() == null ? "sgr" : ci.getRights()));
            }
        }
        return new MessageSpec(protocol, label, words, items);
    }

    private Op.Acceptor acceptor(Acceptor a) {
        if (a == null) return null;
        Expr buffer = a.getBuffer() == null ? null : expr(a.getBuffer());
        Expr length = a.getBufferLength() == null ? null : expr(a.getBufferLength());
        if (a.isAll()) return new Op.Acceptor(Op.Acceptor.WHOLE_SPACE.windowBase(), Op.Acceptor.WHOLE_SPACE.windowSizeLog2(), buffer, length);
        if (a.getBase() == null) return new Op.Acceptor(null, 0, buffer, length);
        return new Op.Acceptor(expr(a.getBase()), Numbers.log2(Numbers.size(a.getSize())), buffer, length);
    }

    private Timeout timeout(TimeoutSpec t) {
        return t == null ? Timeout.NEVER : time(t.getValue());
    }

    private Timeout time(TimeValue v) {
        if (v.isNever()) return Timeout.NEVER;
        if (v.isZero()) return Timeout.ZERO;
        long amount = ((Expr.Const) constant(expr(v.getAmount()))).value();
        return Timeout.cycles(v.getUnit() == dev.mkw.dsl.mkw.TimeUnit.US ? Math.round(amount * clockMhz) : amount);
    }

    private static Expr constant(Expr e) {
        if (e instanceof Expr.Const) return e;
        throw new IllegalArgumentException("a timeout must be a constant");
    }

    Expr expr(dev.mkw.dsl.mkw.Expr e) {
        return switch (e) {
            case NumberLit n -> new Expr.Const(Numbers.parse(n.getValue()));
            case VarRef v -> {
                // A parameter becomes the number of this load (its default or the value given).
                var param = dev.mkw.dsl.ParamValues.of(v);
                if (param != null) yield new Expr.Const(dev.mkw.dsl.ParamValues.value(param));
                yield v.getField() == null ? new Expr.Var(v.getVar()) : new Expr.Field(v.getVar(), v.getField());
            }
            case RandomExpr r -> new Expr.Random(expr(r.getLo()), expr(r.getHi()));
            case Binary b -> new Expr.Binary(b.getOp(), expr(b.getLeft()), expr(b.getRight()));
            default -> throw new IllegalStateException("expression " + e);
        };
    }
}
