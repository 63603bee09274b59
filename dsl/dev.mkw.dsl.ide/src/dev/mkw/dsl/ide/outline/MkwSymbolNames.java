package dev.mkw.dsl.ide.outline;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

import dev.mkw.dsl.mkw.Device;
import dev.mkw.dsl.mkw.IrqAttach;
import dev.mkw.dsl.mkw.Kernel;
import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Region;
import dev.mkw.dsl.mkw.Run;
import dev.mkw.dsl.translate.Numbers;

/**
 * Outline (document symbol) names. Tasks, threads and protocols are named by the language;
 * the unnamed sections of a scenario (machine, kernel, IRQs, devices, regions, run) get a
 * readable label here so the outline shows the whole experiment.
 */
public class MkwSymbolNames extends DocumentSymbolMapper.DocumentSymbolNameProvider {

    @Override
    public String getName(EObject o) {
        return switch (o) {
            case Model m -> "scenario " + m.getTitle();
            case Machine m -> "machine " + m.getPreset();
            case Kernel k -> "kernel";
            case IrqAttach a -> "irq " + a.getLine();
            case Device d -> "device " + d.getType() + " " + d.getName();
            case Region r -> "region " + r.getBase() + " size " + Numbers.size(r.getSize());
            case Run r -> "run";
            default -> super.getName(o);
        };
    }
}
