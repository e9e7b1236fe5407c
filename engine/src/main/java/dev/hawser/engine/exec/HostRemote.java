package dev.hawser.engine.exec;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link Remote} a module plans against: reads on the host, controller files and templates. */
final class HostRemote implements Remote, Remote.Controller {
  private final String name;
  private final HostExec exec;
  private final Map<String, Object> vars;
  private final Path playbookDir;
  private final Path roleDir;
  private final Expressions expressions;
  private final Map<String, ExecResult> factCache = new HashMap<>();

  /** {@code roleDir}: the role of the task (searched before the playbook's folder), null outside roles. */
  HostRemote(String name, HostExec exec, Map<String, Object> vars, Path playbookDir, Path roleDir,
      Expressions expressions) {
    this.name = name;
    this.exec = exec;
    this.vars = vars;
    this.playbookDir = playbookDir;
    this.roleDir = roleDir;
    this.expressions = expressions;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExecResult run(String command) {
    return exec.run(command, null);
  }

  @Override
  public ExecResult run(String command, byte[] stdin) {
    return exec.run(command, stdin);
  }

  @Override
  public <T> T fact(Fact<T> fact) throws ModuleException {
    ExecResult r = factCache.computeIfAbsent(fact.command(), c -> exec.run(c, null));
    return fact.parse(r);
  }

  @Override
  public Controller controller() {
    return this;
  }

  @Override
  public Map<String, Object> vars() {
    return java.util.Collections.unmodifiableMap(vars);
  }

  @Override
  public byte[] readFile(String path, String kind) throws ModuleException {
    List<Path> candidates = new ArrayList<>();
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      candidates.add(p);
    } else {
      if (roleDir != null) {
        candidates.add(roleDir.resolve(kind).resolve(p));
        candidates.add(roleDir.resolve(p));
      }
      candidates.add(playbookDir.resolve(kind).resolve(p));
      candidates.add(playbookDir.resolve(p));
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c)) {
        try {
          return Files.readAllBytes(c);
        } catch (IOException e) {
          throw new ModuleException("cannot read " + c + ": " + e.getMessage());
        }
      }
    }
    throw new ModuleException("could not find '" + path + "' (searched " + candidates.stream()
        .map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")");
  }

  @Override
  public String render(String template) throws ModuleException {
    return render(template, Map.of());
  }

  @Override
  public String render(String template, Map<String, Object> extra) throws ModuleException {
    Map<String, Object> scope = vars;
    if (!extra.isEmpty()) {
      scope = new HashMap<>(vars);
      scope.putAll(extra);
    }
    try {
      return expressions.renderText("template", template, scope);
    } catch (Expressions.ExpressionException e) {
      throw new ModuleException(e.getMessage());
    }
  }

  @Override
  public boolean evaluate(String condition) throws ModuleException {
    try {
      return expressions.test(condition, vars);
    } catch (Expressions.ExpressionException e) {
      throw new ModuleException(e.getMessage());
    }
  }
}
