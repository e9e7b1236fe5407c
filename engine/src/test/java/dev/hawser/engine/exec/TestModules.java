package dev.hawser.engine.exec;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;
import java.util.Map;

/** Minimal modules for executor tests: a marker file module, a command runner, debug, set_fact, a file reader. */
final class TestModules {
  private TestModules() {}

  static ModuleRegistry registry() {
    return new ModuleRegistry(List.of(new Marker(), new Run(), new Echo(), new Facts(), new ControllerFile()));
  }

  /** Ensures a marker exists: reads `test -e`, creates with touch. */
  static final class Marker implements TaskModule {
    public String name() {
      return "marker";
    }

    public ParamSpec spec() {
      return ParamSpec.of(Param.str("path").required(), Param.str("secret").secret());
    }

    public Change plan(Params p, Remote host) throws ModuleException {
      ExecResult r = host.run(Sh.cmd("test", "-e", p.str("path")));
      return r.ok() ? Change.none() : Change.of(new Step.Run(Sh.cmd("touch", p.str("path"))));
    }
  }

  static final class Run implements TaskModule {
    public String name() {
      return "run";
    }

    public ParamSpec spec() {
      return ParamSpec.of(Param.str("cmd").required()).freeForm("cmd");
    }

    public Change plan(Params p, Remote host) {
      return Change.of(new Step.Run(p.str("cmd")));
    }
  }

  static final class Echo implements TaskModule {
    public String name() {
      return "echo";
    }

    public ParamSpec spec() {
      return ParamSpec.of(Param.any("msg"));
    }

    public Change plan(Params p, Remote host) {
      return new Change.None(String.valueOf(p.raw("msg")), Map.of("echoed", String.valueOf(p.raw("msg"))));
    }
  }

  static final class Facts implements TaskModule {
    public String name() {
      return "facts";
    }

    public ParamSpec spec() {
      return ParamSpec.of().anyKeys();
    }

    public Change plan(Params p, Remote host) {
      return new Change.None("", Map.of("ansible_facts", p.asMap()));
    }
  }

  /** Reports the content of a controller file (files/ or templates/ search, as copy and template do). */
  static final class ControllerFile implements TaskModule {
    public String name() {
      return "controller_file";
    }

    public ParamSpec spec() {
      return ParamSpec.of(Param.str("src").required(), Param.str("kind").defaultTo("files"));
    }

    public Change plan(Params p, Remote host) throws ModuleException {
      String text = new String(host.controller().readFile(p.str("src"), p.str("kind")),
          java.nio.charset.StandardCharsets.UTF_8).strip();
      return new Change.None(text, Map.of());
    }
  }
}
