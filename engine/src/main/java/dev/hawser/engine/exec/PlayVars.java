package dev.hawser.engine.exec;

import dev.hawser.engine.exec.Expressions.ExpressionException;
import dev.hawser.engine.playbook.Play;
import dev.hawser.engine.playbook.PlaybookException;
import dev.hawser.engine.playbook.YamlSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A play's own variables: vars, vars_files (loaded once per play) and the extra vars on top. */
final class PlayVars {
  private final Map<String, Object> vars;
  private final Map<String, Object> varsFiles;
  private final Map<String, Object> extra;
  private final Expressions expressions;

  private PlayVars(Map<String, Object> vars, Map<String, Object> varsFiles, Map<String, Object> extra,
      Expressions expressions) {
    this.vars = vars;
    this.varsFiles = varsFiles;
    this.extra = extra;
    this.expressions = expressions;
  }

  static PlayVars load(Play play, Path dir, Map<String, Object> extra, Expressions expressions)
      throws PlaybookException {
    Map<String, Object> files = new LinkedHashMap<>();
    PlayVars pv = new PlayVars(play.vars(), files, extra, expressions);
    for (String f : play.varsFiles()) {
      String name;
      try {
        name = String.valueOf(expressions.render(f, pv.playScope()));
      } catch (ExpressionException e) {
        throw new PlaybookException(play.position(), "vars_files '" + f + "': " + e.getMessage());
      }
      Path path = dir.resolve(name);
      if (!path.toFile().isFile()) {
        throw new PlaybookException(play.position(), "vars_files: cannot find " + path);
      }
      YamlSource src = YamlSource.load(path);
      if (src.root() == null) {
        continue;
      }
      if (!(src.root() instanceof Map<?, ?> m)) {
        throw new PlaybookException(src.positionOf(src.root()), "a vars file must be a mapping");
      }
      m.forEach((k, v) -> files.put(String.valueOf(k), v));
    }
    return pv;
  }

  Map<String, Object> vars() {
    return vars;
  }

  Map<String, Object> varsFiles() {
    return varsFiles;
  }

  Map<String, Object> extra() {
    return extra;
  }

  /** Variables known before any host: for the play's name and hosts pattern. */
  Map<String, Object> playScope() {
    Map<String, Object> m = new LinkedHashMap<>(vars);
    m.putAll(varsFiles);
    m.putAll(extra);
    return m;
  }

  String renderName(String name) {
    try {
      return String.valueOf(expressions.render(name, playScope()));
    } catch (ExpressionException e) {
      return name;
    }
  }
}
