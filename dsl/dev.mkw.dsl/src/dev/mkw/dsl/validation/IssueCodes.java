package dev.mkw.dsl.validation;

/** Issue codes of MKW's validation: stable names a quick fix or a test can refer to. */
public final class IssueCodes {
    private IssueCodes() {}

    public static final String UNKNOWN_PRESET = "mkw.unknown-preset";
    public static final String PRIORITY_RANGE = "mkw.priority-range";
    public static final String ALIGNMENT = "mkw.alignment";
    public static final String FPAGE_SIZE = "mkw.fpage-size";
    public static final String RIGHTS = "mkw.rights";
    public static final String PROTOCOL_WORDS = "mkw.protocol-words";
    public static final String UNBOUND_MESSAGE = "mkw.unbound-message";
}
