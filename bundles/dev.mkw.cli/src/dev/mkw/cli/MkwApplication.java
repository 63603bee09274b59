package dev.mkw.cli;

import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless product's application ({@code dev.mkw.cli.app}): runs {@link Mkw} inside
 * Equinox so that plugins contributed through extension points (schedulers, devices,
 * exporters, analyses) are seen on the command line too.
 */
public final class MkwApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        int code;
        try {
            code = new Mkw().run(Arrays.asList(args == null ? new String[0] : args), CliContext.fromSystem(System.out, System.err));
        } catch (Throwable t) {
            // Mkw reports everything itself; anything that still escapes must not end as exit 0 with
            // the trace in the OSGi log that the mkw script deletes with its configuration folder.
            System.err.println("mkw: internal error (a bug in MKW): " + t);
            t.printStackTrace();
            code = ExitCode.INTERNAL.code();
        }
        System.out.flush();
        System.err.flush();
        return code == 0 ? IApplication.EXIT_OK : Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // The command runs to completion on the launcher's thread; nothing to interrupt.
    }
}
