package dev.mkw.dsl.ide;

/** Guice bindings of the generic IDE services (content assist, highlighting, LSP). Adds nothing yet to the generated ones. */
public class MkwIdeModule extends AbstractMkwIdeModule {
}
