package dev.mkw.dsl.validation;

/**
 * Issue codes of MKW's validation: stable names a quick fix ({@link IssueFixes}) or a test can
 * refer to. Where a fix exists, the issue's data holds the replacement text.
 */
public final class IssueCodes {
    private IssueCodes() {}

    public static final String UNKNOWN_PRESET = "mkw.unknown-preset";
    public static final String UNKNOWN_MACHINE_FIELD = "mkw.unknown-machine-field";
    public static final String UNKNOWN_POLICY = "mkw.unknown-policy";
    public static final String UNKNOWN_VARIANT = "mkw.unknown-variant";
    public static final String PRIORITY_RANGE = "mkw.priority-range";
    public static final String ALIGNMENT = "mkw.alignment";
    public static final String FPAGE_SIZE = "mkw.fpage-size";
    public static final String FPAGE_ALIGNMENT = "mkw.fpage-alignment";
    public static final String REGION_OUTSIDE = "mkw.region-outside";
    public static final String REGION_OVERLAP = "mkw.region-overlap";
    public static final String RIGHTS = "mkw.rights";
    public static final String PROTOCOL_WORDS = "mkw.protocol-words";
    public static final String UNBOUND_MESSAGE = "mkw.unbound-message";
    public static final String IRQ_TWO_HANDLERS = "mkw.irq-two-handlers";
    public static final String NEVER_RECEIVED = "mkw.never-received";
    public static final String NO_PAGER = "mkw.no-pager";
    public static final String TIMEOUT_RANGE = "mkw.timeout-range";
    public static final String NEVER_RUNS = "mkw.never-runs";
    public static final String IO_PORTS = "mkw.io-ports";
    public static final String CAP_SLOT = "mkw.cap-slot";
    public static final String NUMBER_RANGE = "mkw.number-range";
    public static final String FOREIGN_THREAD = "mkw.foreign-thread";
    public static final String NO_IPC_TO_CANCEL = "mkw.no-ipc-to-cancel";
    public static final String TWO_ROOT_TASKS = "mkw.two-root-tasks";
    public static final String IMPOSSIBLE_MACHINE = "mkw.impossible-machine";
    public static final String CYCLE_RANGE = "mkw.cycle-range";
    public static final String RANDOM_RANGE = "mkw.random-range";
    public static final String UNKNOWN_FIELD = "mkw.unknown-field";
    public static final String ONE_CPU = "mkw.one-cpu";
    public static final String IMPORT = "mkw.import";
    public static final String FPAGE_TOO_LARGE = "mkw.fpage-too-large";
    public static final String PARAM = "mkw.param";
    public static final String UNUSED_PARAM = "mkw.unused-param";
    public static final String DEVICE_PARAMETER = "mkw.device-parameter";
    public static final String THREAD_COUNT = "mkw.thread-count";
}
