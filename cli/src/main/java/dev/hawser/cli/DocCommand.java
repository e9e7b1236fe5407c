package dev.hawser.cli;

import dev.hawser.engine.exec.ModuleRegistry;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.TaskModule;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hawser doc [MODULE]}: the module list, or one module's parameters (from its spec). */
@Command(name = "doc", description = "List modules, or show one module's parameters.", mixinStandardHelpOptions = true)
final class DocCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "MODULE")
  String module;

  @picocli.CommandLine.Option(names = "--markdown", description = "Every module's reference as Markdown (docs/modules.md).")
  boolean markdown;

  @Override
  public Integer call() {
    PrintStream out = Streams.out();
    ModuleRegistry modules = ModuleRegistry.load();
    if (markdown) {
      out.print(ModuleDocs.markdown(modules.all()));
      return ExitCodes.OK;
    }
    if (module == null) {
      for (TaskModule m : modules.all()) {
        out.printf("%-20s %s%n", m.name(), m.summary());
      }
      return ExitCodes.OK;
    }
    Optional<TaskModule> found = modules.find(module);
    if (found.isEmpty()) {
      Streams.err().println("ERROR! no module named '" + module + "' (hawser doc lists them)");
      return ExitCodes.INVALID_INPUT;
    }
    TaskModule m = found.get();
    out.println(m.name() + " - " + m.summary());
    m.spec().freeFormParam().ifPresent(p -> out.println("  takes free-form text as '" + p + "'"));
    for (Param p : m.spec().params()) {
      StringBuilder s = new StringBuilder("  ").append(p.name()).append(" (").append(p.type().name().toLowerCase());
      if (p.isRequired()) {
        s.append(", required");
      }
      if (p.defaultValue() != null) {
        s.append(", default ").append(p.defaultValue());
      }
      s.append(")");
      if (!p.choices().isEmpty()) {
        s.append(" one of: ").append(String.join(", ", p.choices()));
      }
      if (!p.aliases().isEmpty()) {
        s.append(" aliases: ").append(String.join(", ", p.aliases()));
      }
      if (!p.doc().isEmpty()) {
        s.append("\n      ").append(p.doc());
      }
      out.println(s);
    }
    return ExitCodes.OK;
  }
}
