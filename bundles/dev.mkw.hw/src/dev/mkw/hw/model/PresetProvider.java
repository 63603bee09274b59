package dev.mkw.hw.model;

import java.net.URL;
import java.util.Map;

/** Contributes machine presets: id → URL of an XMI model conforming to model/hw.ecore. */
public interface PresetProvider {
    Map<String, URL> presets();
}
