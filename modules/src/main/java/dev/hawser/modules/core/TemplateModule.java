package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** template: renders a controller template with the task's variables and puts it on the host, as copy does. */
public final class TemplateModule implements TaskModule {
  private final Clock clock;

  public TemplateModule() {
    this(Clock.systemDefaultZone());
  }

  TemplateModule(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "template";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.template");
  }

  @Override
  public String summary() {
    return "Render a template with the task's variables onto the host";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("src").required().doc("controller template, searched in templates/ beside the playbook"),
        Param.str("dest").required().doc("file on the host; ending in / or a directory: put it inside"),
        Param.mode("mode"), Param.str("owner"), Param.str("group"),
        Param.bool("backup").doc("keep the old file as dest.DATE@TIME~"),
        Param.bool("force").defaultTo(true).doc("replace a file whose content differs"));
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String src = p.str("src");
    String template = new String(host.controller().readFile(src, "templates"), StandardCharsets.UTF_8);
    byte[] rendered = host.controller().render(template).getBytes(StandardCharsets.UTF_8);
    return CopyModule.place(p, host, rendered, Path.of(src).getFileName().toString(), clock);
  }
}
