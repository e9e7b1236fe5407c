package dev.hawser.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.exec.ModuleRegistry;
import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesParserTest {
  @TempDir
  Path dir;

  private static final TaskModule DEBUG = new TaskModule() {
    @Override
    public String name() {
      return "debug";
    }

    @Override
    public ParamSpec spec() {
      return ParamSpec.of(Param.str("msg"));
    }

    @Override
    public Change plan(Params params, Remote host) {
      return Change.none();
    }
  };

  private final PlaybookParser parser = new PlaybookParser(new ModuleRegistry(List.of(DEBUG)), null);

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static List<Object> msgs(List<Task> tasks) {
    return tasks.stream().map(t -> t.args().get("msg")).toList();
  }

  @Test
  void rolesRunAfterPreTasksAndBeforeTasksWithHandlersMerged() throws Exception {
    write("roles/common/tasks/main.yml", "- {debug: msg=common, notify: restart common}\n");
    write("roles/common/handlers/main.yml", "- {name: restart common, debug: msg=h-common}\n");
    write("roles/common/defaults/main.yml", "port: 80\n");
    write("roles/common/vars/main.yml", "pkg: nginx\n");
    write("roles/web/tasks/main.yaml", "- debug: msg=web\n");
    Playbook pb = parser.parse(write("site.yml", """
        - hosts: all
          pre_tasks: [{debug: msg=pre}]
          roles:
            - common
            - role: web
              vars: {a: 1}
              tags: [webtag]
              when: x
              colour: red
          tasks:
            - {debug: msg=task, notify: restart common}
          post_tasks: [{debug: msg=post}]
          handlers: [{name: mine, debug: msg=h-mine}]
        """));
    Play play = pb.plays().get(0);
    assertThat(msgs(play.preTasks())).containsExactly("pre");
    assertThat(msgs(play.tasks())).containsExactly("common", "web", "task");
    assertThat(msgs(play.postTasks())).containsExactly("post");
    assertThat(msgs(play.handlers())).containsExactly("h-common", "h-mine");
    Task web = play.tasks().get(1);
    assertThat(web.tags()).containsExactly("webtag");
    assertThat(web.when()).isEqualTo("x");
    assertThat(web.vars()).isEmpty();
    assertThat(web.roleDir()).isEqualTo(dir.resolve("roles/web"));
    assertThat(web.role().vars()).containsEntry("a", 1);
    assertThat(web.role().params()).isEqualTo(Map.of("colour", "red"));
    assertThat(play.tasks().get(0).role().defaults()).containsEntry("port", 80);
    assertThat(play.tasks().get(0).role().vars()).containsEntry("pkg", "nginx");
    assertThat(play.handlers().get(0).roleDir()).isEqualTo(dir.resolve("roles/common"));
    assertThat(play.tasks().get(2).role()).isNull();
    assertThat(play.roles()).extracting(RoleScope::name).containsExactly("common", "web");
  }

  @Test
  void aMissingRoleNamesThePositionAndTheSearchedPaths() throws Exception {
    Path p = write("site.yml", "- hosts: all\n  roles:\n    - common\n    - nope\n");
    write("roles/common/tasks/main.yml", "- debug: msg=c\n");
    assertThatThrownBy(() -> parser.parse(p)).isInstanceOf(PlaybookException.class)
        .hasMessageStartingWith(p + ":4:7: role 'nope' not found (searched " + dir.resolve("roles/nope"))
        .hasMessageContaining(dir.resolve("nope").toString());
  }

  @Test
  void dependenciesRunFirstAndEachRoleOncePerPlay() throws Exception {
    write("roles/base/tasks/main.yml", "- debug: msg=base\n");
    write("roles/app/meta/main.yml", "dependencies:\n  - base\n  - {role: lib, version: 2}\n");
    write("roles/app/tasks/main.yml", "- debug: msg=app\n");
    write("roles/lib/tasks/main.yml", "- debug: msg=lib\n");
    write("roles/lib/meta/main.yml", "dependencies: [base]\n");
    Playbook pb = parser.parse(write("site.yml", "- hosts: all\n  roles: [base, app, app]\n"));
    assertThat(msgs(pb.plays().get(0).tasks())).containsExactly("base", "lib", "app");
    assertThat(pb.plays().get(0).tasks().get(1).role().params()).containsEntry("version", 2);
  }

  @Test
  void aDependencyCycleEndsBecauseEachRoleRunsOnce() throws Exception {
    write("roles/a/meta/main.yml", "dependencies: [b]\n");
    write("roles/b/meta/main.yml", "dependencies: [a]\n");
    write("roles/a/tasks/main.yml", "- debug: msg=a\n");
    write("roles/b/tasks/main.yml", "- debug: msg=b\n");
    Playbook pb = parser.parse(write("site.yml", "- hosts: all\n  roles: [a]\n"));
    assertThat(msgs(pb.plays().get(0).tasks())).containsExactly("b", "a");
    write("roles/self/tasks/main.yml", "- import_role: name=self\n");
    Path selfImport = write("self.yml", "- hosts: all\n  roles: [self]\n");
    assertThatThrownBy(() -> parser.parse(selfImport)).hasMessageContaining("nested more than 20 deep");
  }

  @Test
  void importRoleExpandsTasksWithTheTaskKeywordsAndRegistersHandlers() throws Exception {
    write("roles/web/tasks/main.yml", "- {debug: msg=main, notify: reload}\n");
    write("roles/web/tasks/extra.yml", "- debug: msg=extra\n");
    write("roles/web/handlers/main.yml", "- {name: reload, debug: msg=reload}\n");
    Playbook pb = parser.parse(write("site.yml", """
        - hosts: all
          tasks:
            - debug: msg=first
            - import_role: name=web
              when: y
            - include_role: {name: web, tasks_from: extra}
              vars: {v: 1}
        """));
    Play play = pb.plays().get(0);
    assertThat(msgs(play.tasks())).containsExactly("first", "main", "extra");
    assertThat(play.tasks().get(1).when()).isEqualTo("y");
    assertThat(play.tasks().get(2).vars()).containsEntry("v", 1);
    assertThat(msgs(play.handlers())).containsExactly("reload");
    Path bad = write("bad.yml", "- hosts: all\n  tasks:\n    - import_role: {nam: web}\n");
    assertThatThrownBy(() -> parser.parse(bad)).hasMessageContaining(bad + ":3:7: import_role: parameter");
    Path looped = write("loop.yml", "- hosts: all\n  tasks:\n    - include_role: name=web\n      loop: [1, 2]\n");
    assertThatThrownBy(() -> parser.parse(looped)).hasMessage(looped + ":4:7: include_role with 'loop' is not"
        + " supported (roles are read when the playbook is parsed)");
  }
}
