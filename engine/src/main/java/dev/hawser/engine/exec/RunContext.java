package dev.hawser.engine.exec;

import dev.hawser.engine.report.RunListener;
import java.nio.file.Path;

/** What every task of a run shares. */
record RunContext(
    RunOptions options,
    RunListener listener,
    Expressions expressions,
    ModuleRegistry modules,
    ConnectionFactory factory,
    Masker masker,
    Path playbookDir) {}
