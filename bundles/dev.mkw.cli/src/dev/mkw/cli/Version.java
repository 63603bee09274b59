package dev.mkw.cli;

/** MKW's version, from the bundle manifest when packaged. */
final class Version {
    private Version() {}

    static String get() {
        Package p = Version.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
