package dev.mkw.dsl.ui.outline;

import java.util.List;

/** One outline row: a label, the text range to select when it is picked, and its children. Plain data, built off the UI thread. */
public record OutlineNode(String label, int offset, int length, List<OutlineNode> children) {}
