/**
 * Output formats of a run: the {@link dev.mkw.sim.export.Exporter} API, the {@link dev.mkw.sim.export.Exporters}
 * registry, the built-in JSON, text, CSV and Perfetto exporters, and the JSON/CSV/table writers they use.
 */
package dev.mkw.sim.export;
