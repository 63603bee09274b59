package dev.mkw.dsl;

/** Initializes the language outside OSGi (plain jars, tests, the CLI in a plain JVM). */
public class MkwStandaloneSetup extends MkwStandaloneSetupGenerated {

    public static void doSetup() {
        new MkwStandaloneSetup().createInjectorAndDoEMFRegistration();
    }
}
