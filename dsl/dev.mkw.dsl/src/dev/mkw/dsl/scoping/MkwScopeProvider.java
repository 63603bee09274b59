package dev.mkw.dsl.scoping;

/**
 * Scoping of the scenario language. Threads are named {@code task.thread} and protocol
 * messages {@code Protocol.message} by the default qualified-name provider, which is all the
 * language needs; imports are resolved by URI (see MkwRuntimeModule).
 */
public class MkwScopeProvider extends AbstractMkwScopeProvider {
}
