package dev.hawser.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.playbook.PlaybookParser;
import dev.hawser.engine.report.HostResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesRunTest {
  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void run(ScriptedHosts hosts, String playbook) throws Exception {
    write("site.yml", playbook);
    ModuleRegistry modules = TestModules.registry();
    new PlaybookRunner(RunOptions.defaults(), listener, modules, hosts)
        .run(new PlaybookParser(modules, null).parse(dir.resolve("site.yml")), hosts);
  }

  private String msg(String task) {
    return listener.results.stream().filter(r -> r.task().equals(task)).findFirst().orElseThrow().msg();
  }

  @Test
  void roleVariablesFollowAnsiblePrecedence() throws Exception {
    write("roles/app/defaults/main.yml", "port: 80\nuser: www\nlevel: default\n");
    write("roles/app/vars/main.yml", "pkg: role\n");
    write("roles/app/tasks/main.yml", """
        - {name: app, echo: {msg: "{{ port }}/{{ pkg }}/{{ colour }}/{{ user }}/{{ role_name }}"}}
        - {name: app-task-vars, echo: {msg: "{{ pkg }}"}, vars: {pkg: task}}
        """);
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of("a", Map.of("port", 8080)));
    run(hosts, """
        - hosts: all
          gather_facts: false
          vars: {pkg: play, user: play}
          roles:
            - {role: app, colour: red}
          tasks:
            - {name: after, echo: {msg: "{{ level }}/{{ pkg }}"}}
        """);
    assertThat(msg("app")).isEqualTo("8080/role/red/play/app");
    assertThat(msg("app-task-vars")).isEqualTo("task");
    assertThat(msg("after")).isEqualTo("default/role");
  }

  @Test
  void roleFilesAndTemplatesAreSearchedBeforeThePlaybooks() throws Exception {
    write("roles/motd/files/motd", "from role\n");
    write("roles/motd/templates/t.j2", "role template\n");
    write("files/motd", "from playbook\n");
    write("files/only", "playbook only\n");
    write("roles/motd/tasks/main.yml", """
        - {name: role-motd, controller_file: {src: motd}}
        - {name: role-only, controller_file: {src: only}}
        - {name: role-template, controller_file: {src: t.j2, kind: templates}}
        """);
    run(new ScriptedHosts(List.of("a"), Map.of()), """
        - hosts: all
          gather_facts: false
          roles: [motd]
          tasks:
            - {name: play-motd, controller_file: {src: motd}}
        """);
    assertThat(msg("role-motd")).isEqualTo("from role");
    assertThat(msg("role-only")).isEqualTo("playbook only");
    assertThat(msg("role-template")).isEqualTo("role template");
    assertThat(msg("play-motd")).isEqualTo("from playbook");
  }

  @Test
  void sectionsRunInAnsibleOrderAndRoleHandlersAnswerPlayTasks() throws Exception {
    write("roles/web/tasks/main.yml", "- {name: web, run: echo web}\n");
    write("roles/web/handlers/main.yml", "- {name: reload web, run: echo reload}\n");
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of());
    run(hosts, """
        - hosts: all
          gather_facts: false
          pre_tasks: [{name: pre, run: echo pre, notify: reload web}]
          roles: [web]
          tasks: [{name: task, run: echo task, notify: "web : reload web"}]
          post_tasks: [{name: post, run: echo post}]
        """);
    assertThat(listener.tasks).containsExactly("pre", "handler web : reload web", "web : web", "task",
        "handler web : reload web", "post");
    assertThat(hosts.ran("a")).containsExactly("echo pre", "echo reload", "echo web", "echo task", "echo reload",
        "echo post");
  }
}
