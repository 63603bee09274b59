/**
 * Machine descriptions as EMF models: the metamodel model/hw.ecore (its Java is generated into
 * src-gen at build time), the presets in presets/*.xmi and contributed ones
 * ({@link dev.mkw.hw.model.MachinePresets}), their checks ({@link dev.mkw.hw.model.MachineModelValidator})
 * and their mapping onto the simulator ({@link dev.mkw.hw.model.MachineFactory}).
 */
package dev.mkw.hw.model;
