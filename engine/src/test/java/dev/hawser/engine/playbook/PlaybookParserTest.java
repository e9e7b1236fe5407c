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

class PlaybookParserTest {
  @TempDir
  Path dir;

  private static TaskModule module(String name, ParamSpec spec) {
    return new TaskModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> aliases() {
        return List.of("ansible.builtin." + name);
      }

      @Override
      public ParamSpec spec() {
        return spec;
      }

      @Override
      public Change plan(Params params, Remote host) {
        return Change.none();
      }
    };
  }

  private final PlaybookParser parser = new PlaybookParser(new ModuleRegistry(List.of(
      module("command", ParamSpec.of(Param.str("cmd"), Param.str("chdir"), Param.str("creates")).freeForm("cmd")),
      module("copy", ParamSpec.of(Param.str("dest").required(), Param.str("content"), Param.mode("mode"))),
      module("debug", ParamSpec.of(Param.str("msg"), Param.str("var"))))));

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsPlaysTasksAndKeywords() throws Exception {
    Playbook pb = parser.parse(write("site.yml", """
        - name: Web
          hosts: web:&prod
          become: yes
          vars: {x: 1}
          tasks:
            - name: Say
              ansible.builtin.debug: msg="hi {{ x }}"
              when: x == 1
              loop: [a, b]
              loop_control: {loop_var: thing}
              register: out
              notify: Restart
              tags: [t1]
            - command: ls -l /tmp chdir=/var creates=/x
          handlers:
            - name: Restart
              command: echo restart
              listen: restarts
        """));
    Play play = pb.plays().get(0);
    assertThat(play.hosts()).isEqualTo("web:&prod");
    assertThat(play.become()).isTrue();
    Task say = play.tasks().get(0);
    assertThat(say.module()).isEqualTo("debug");
    assertThat(say.args()).containsEntry("msg", "hi {{ x }}");
    assertThat(say.loopVar()).isEqualTo("thing");
    assertThat(say.notifies()).containsExactly("Restart");
    assertThat(say.position().line()).isEqualTo(6);
    Task cmd = play.tasks().get(1);
    assertThat(cmd.args()).isEqualTo(Map.of("cmd", "ls -l /tmp", "chdir", "/var", "creates", "/x"));
    assertThat(cmd.displayName()).isEqualTo("command");
    assertThat(play.handlers().get(0).listen()).containsExactly("restarts");
  }

  @Test
  void yamlSyntaxErrorNamesFileLineAndColumn() throws Exception {
    Path p = write("bad.yml", "- hosts: all\n  tasks:\n    - debug: msg=hi\n   - oops: [\n");
    assertThatThrownBy(() -> parser.parse(p)).isInstanceOf(PlaybookException.class)
        .hasMessageStartingWith(p + ":4:");
  }

  @Test
  void unknownModuleIsAnErrorWithPosition() throws Exception {
    Path p = write("u.yml", "- hosts: all\n  tasks:\n    - name: x\n      cpy: dest=/a\n");
    assertThatThrownBy(() -> parser.parse(p)).hasMessage(p + ":4:7: task 'x': couldn't resolve module 'cpy'"
        + " (did you mean 'copy'?)");
  }

  @Test
  void parametersAreValidatedBeforeAnyHost() throws Exception {
    Path unknown = write("p1.yml", "- hosts: all\n  tasks:\n    - name: c\n      copy: {dest: /a, colour: red}\n");
    assertThatThrownBy(() -> parser.parse(unknown)).hasMessageContaining(unknown + ":4:24: task 'c': copy: parameter 'colour': unsupported parameter");
    Path underArgs = write("p0.yml", "- hosts: all\n  tasks:\n    - name: c\n      copy:\n        dest: /a\n"
        + "        contnet: x\n");
    assertThatThrownBy(() -> parser.parse(underArgs)).hasMessageContaining(underArgs + ":6:9: task 'c': copy: "
        + "parameter 'contnet': unsupported parameter");
    Path missing = write("p2.yml", "- hosts: all\n  tasks:\n    - copy: {content: x}\n");
    assertThatThrownBy(() -> parser.parse(missing)).hasMessageContaining("parameter 'dest': missing required parameter");
    Path badMode = write("p3.yml", "- hosts: all\n  tasks:\n    - copy: {dest: /a, mode: rwx}\n");
    assertThatThrownBy(() -> parser.parse(badMode)).hasMessageContaining("parameter 'mode': value 'rwx' is not a file mode");
    Path templated = write("p4.yml", "- hosts: all\n  tasks:\n    - copy: {dest: /a, mode: '{{ m }}'}\n");
    assertThat(parser.parse(templated).plays()).hasSize(1);
  }

  @Test
  void unknownPlayKeywordAndTwoModulesAreErrors() throws Exception {
    Path p = write("k.yml", "- hosts: all\n  taskz: []\n");
    assertThatThrownBy(() -> parser.parse(p)).hasMessage(p + ":2:3: unsupported play keyword 'taskz'");
    Path two = write("two.yml", "- hosts: all\n  tasks:\n    - debug: msg=a\n      command: ls\n");
    assertThatThrownBy(() -> parser.parse(two)).hasMessageContaining("conflicting action statements: debug, command");
  }

  @Test
  void includeTasksShowsAsATaskAndACycleIsAnError() throws Exception {
    write("inc.yml", "- debug: msg=inside\n");
    Playbook pb = parser.parse(write("i.yml", "- hosts: all\n  tasks:\n    - include_tasks: inc.yml\n      when: x\n"));
    List<Task> tasks = pb.plays().get(0).tasks();
    assertThat(tasks).extracting(Task::module).containsExactly("include_tasks", "debug");
    assertThat(tasks.get(0).args()).containsEntry("file", dir.resolve("inc.yml").toString());
    assertThat(tasks).extracting(Task::when).containsExactly("x", "x");
    write("loop.yml", "- include_tasks: loop.yml\n");
    Path cyclic = write("c.yml", "- hosts: all\n  tasks:\n    - include_tasks: loop.yml\n");
    assertThatThrownBy(() -> parser.parse(cyclic)).hasMessageContaining("nested more than 10 deep");
  }

  @Test
  void blocksAndImportsInheritConditions() throws Exception {
    write("more.yml", "- debug: msg=imported\n");
    Playbook pb = parser.parse(write("b.yml", """
        - hosts: all
          tasks:
            - block:
                - debug: msg=one
                - debug: msg=two
                  when: b
              when: a
              tags: [blk]
            - import_tasks: more.yml
        """));
    List<Task> tasks = pb.plays().get(0).tasks();
    assertThat(tasks).hasSize(3);
    assertThat(tasks.get(0).when()).isEqualTo("a");
    assertThat(tasks.get(1).when()).isEqualTo(List.of("a", "b"));
    assertThat(tasks.get(1).tags()).containsExactly("blk");
    assertThat(tasks.get(2).args()).containsEntry("msg", "imported");
  }

  @Test
  void blockRescueAlwaysGiveEachTaskItsBlockContextAndKeywords() throws Exception {
    Playbook pb = parser.parse(write("r.yml", """
        - hosts: all
          tasks:
            - debug: msg=before
            - block:
                - debug: msg=body
                - block:
                    - debug: msg=inner
                  rescue:
                    - debug: msg=inner-rescue
              rescue:
                - debug: msg=rescue
              always:
                - debug: msg=always
              when: a
              tags: [blk]
            - block:
                - debug: msg=plain
        """));
    List<Task> tasks = pb.plays().get(0).tasks();
    assertThat(tasks).extracting(t -> t.args().get("msg"))
        .containsExactly("before", "body", "inner", "inner-rescue", "rescue", "always", "plain");
    assertThat(tasks.get(0).block()).isNull();
    BlockContext body = tasks.get(1).block();
    assertThat(body.part()).isEqualTo(BlockContext.Part.BODY);
    assertThat(body.hasRescue()).isTrue();
    assertThat(body.hasAlways()).isTrue();
    assertThat(body.parent()).isNull();
    BlockContext inner = tasks.get(2).block();
    assertThat(inner.id()).isNotEqualTo(body.id());
    assertThat(inner.hasAlways()).isFalse();
    assertThat(inner.parent()).isEqualTo(body);
    assertThat(tasks.get(3).block().part()).isEqualTo(BlockContext.Part.RESCUE);
    assertThat(BlockContext.chain(tasks.get(3).block())).extracting(BlockContext::id).containsExactly(body.id(), inner.id());
    assertThat(tasks.get(4).block()).isEqualTo(new BlockContext(body.id(), BlockContext.Part.RESCUE, true, true, null));
    assertThat(tasks.get(5).block().part()).isEqualTo(BlockContext.Part.ALWAYS);
    assertThat(tasks.subList(1, 6)).allSatisfy(t -> {
      assertThat(t.tags()).containsExactly("blk");
      assertThat(t.when()).isEqualTo("a");
    });
    BlockContext plain = tasks.get(6).block();
    assertThat(plain.hasRescue() || plain.hasAlways()).isFalse();
    assertThat(plain.id()).isNotIn(body.id(), inner.id());
  }

  @Test
  void rescueWithoutBlockIsAnError() throws Exception {
    Path p = write("nr.yml", "- hosts: all\n  tasks:\n    - debug: msg=x\n      rescue:\n        - debug: msg=y\n");
    assertThatThrownBy(() -> parser.parse(p)).hasMessage(p + ":4:7: 'rescue' is only valid with 'block'");
  }

  @Test
  void serialAnyErrorsFatalAndMaxFailPercentage() throws Exception {
    Path p = write("s.yml", """
        - hosts: all
          serial: 2
          any_errors_fatal: true
          max_fail_percentage: 30
          tasks: []
        - hosts: all
          serial: "30%"
          tasks: []
        - hosts: all
          serial: [1, "50 %", 3]
          tasks: []
        - hosts: all
          tasks: []
        """);
    List<Play> plays = parser.parse(p).plays();
    assertThat(plays.get(0).serial()).containsExactly(2);
    assertThat(plays.get(0).anyErrorsFatal()).isTrue();
    assertThat(plays.get(0).maxFailPercentage()).isEqualTo(30.0);
    assertThat(plays.get(1).serial()).containsExactly("30%");
    assertThat(plays.get(2).serial()).containsExactly(1, "50%", 3);
    assertThat(plays.get(3).serial()).isEmpty();
    assertThat(plays.get(3).anyErrorsFatal()).isFalse();
    assertThat(plays.get(3).maxFailPercentage()).isNull();
  }

  @Test
  void badSerialOrMaxFailPercentageNamesFileAndLine() throws Exception {
    Path bad = write("bad.yml", "- hosts: all\n  serial: lots\n  tasks: []\n");
    assertThatThrownBy(() -> parser.parse(bad)).hasMessage(bad + ":2:3: play: 'serial' must be a number of hosts, "
        + "a percentage such as \"30%\" or a list of those, got 'lots'");
    Path badItem = write("bad2.yml", "- hosts: all\n  serial: [1, -2]\n  tasks: []\n");
    assertThatThrownBy(() -> parser.parse(badItem)).hasMessageStartingWith(badItem + ":2:3: play: 'serial'")
        .hasMessageEndingWith("got '-2'");
    Path empty = write("bad3.yml", "- hosts: all\n  serial: []\n  tasks: []\n");
    assertThatThrownBy(() -> parser.parse(empty)).hasMessage(empty + ":2:3: play: 'serial' must not be an empty list");
    Path pct = write("bad4.yml", "- hosts: all\n  tasks: []\n  max_fail_percentage: 120\n");
    assertThatThrownBy(() -> parser.parse(pct)).hasMessage(pct
        + ":3:3: play: 'max_fail_percentage' must be a number from 0 to 100, got '120'");
    Path fatal = write("bad5.yml", "- hosts: all\n  any_errors_fatal: maybe\n  tasks: []\n");
    assertThatThrownBy(() -> parser.parse(fatal)).hasMessage(fatal
        + ":2:3: play: 'any_errors_fatal' must be a boolean, got 'maybe'");
  }

  @Test
  void runOnceAndDelegateToAreReadAndInheritedFromBlocks() throws Exception {
    Path p = write("d.yml", """
        - hosts: all
          tasks:
            - {name: one, debug: {msg: a}, run_once: true, delegate_to: "{{ groups.db[0] }}"}
            - {name: two, debug: {msg: b}}
            - block:
                - {name: three, debug: {msg: c}}
                - {name: four, debug: {msg: d}, delegate_to: other}
              run_once: yes
              delegate_to: localhost
        """);
    List<Task> t = parser.parse(p).plays().get(0).tasks();
    assertThat(t.get(0).runOnce()).isTrue();
    assertThat(t.get(0).delegateTo()).isEqualTo("{{ groups.db[0] }}");
    assertThat(t.get(1).runOnce()).isFalse();
    assertThat(t.get(1).delegateTo()).isNull();
    assertThat(t.get(2).runOnce()).isTrue();
    assertThat(t.get(2).delegateTo()).isEqualTo("localhost");
    assertThat(t.get(3).delegateTo()).isEqualTo("other");
    Path bad = write("bad.yml", "- hosts: all\n  tasks:\n    - name: x\n      debug: {msg: a}\n      delegate_to: [a, b]\n");
    assertThatThrownBy(() -> parser.parse(bad)).hasMessage(bad + ":5:7: 'delegate_to' must be a host name, got '[a, b]'");
    Path once = write("once.yml", "- hosts: all\n  tasks:\n    - name: x\n      debug: {msg: a}\n      run_once: sometimes\n");
    assertThatThrownBy(() -> parser.parse(once)).hasMessage(once + ":5:7: task: 'run_once' must be a boolean, got 'sometimes'");
    Path fatal = write("fatal.yml", "- hosts: all\n  tasks:\n    - block:\n        - debug: {msg: a}\n      any_errors_fatal: true\n");
    assertThatThrownBy(() -> parser.parse(fatal)).hasMessage(fatal + ":5:7: task keyword 'any_errors_fatal' is not supported yet");
  }
}
