package dev.mkw.cli.commands;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ExitCode;
import dev.mkw.dsl.ide.server.MkwLanguageServer;

/**
 * {@code mkw lsp}: a Language Server for .mkw files on stdin/stdout, so editors other than
 * the workbench (VS Code, Neovim, Emacs) get diagnostics, completion and navigation.
 */
public final class LspCommand implements Command {
    @Override public String name() { return "lsp"; }

    @Override public String summary() { return "serve the scenario language over LSP on stdin/stdout (for other editors)"; }

    @Override public String help() {
        return "Usage: mkw lsp\n\n"
                + "Starts a Language Server Protocol server for .mkw files on stdin/stdout: diagnostics,\n"
                + "completion, hover, go to definition, document symbols. Point your editor's LSP client at './mkw lsp'.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args.parse(name(), argv, Set.of(), Set.of());
        try {
            MkwLanguageServer.start(System.in, System.out).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new CliException("the language server stopped: " + e.getCause(), ExitCode.INTERNAL);
        }
        return 0;
    }
}
