package dev.hawser.modules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The modules against this machine's /bin/sh and coreutils: plan, apply, plan again must be no change. */
@EnabledOnOs(OS.LINUX)
class LocalShellTest {
  /** A name full of shell syntax: it must reach the file system literally. */
  private static final String NASTY = "we'ird\";$(touch PWNED) `x` \\ name";

  @TempDir Path dir;
  private LocalHost host;

  @BeforeEach
  void setUp() {
    host = new LocalHost();
  }

  private Change plan(TaskModule m, Map<String, Object> params) throws Exception {
    return m.plan(m.spec().validate(params, false), host);
  }

  /** Plans and applies, then checks a second plan finds nothing to do. */
  private Change converge(TaskModule m, Map<String, Object> params) throws Exception {
    Change first = plan(m, params);
    host.apply(first);
    assertThat(plan(m, params)).as("second run of %s %s", m.name(), params).isInstanceOf(Change.None.class);
    return first;
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  private String mode(String name) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)));
  }

  @Test
  void copyContentThenModeOnlyThenContent() throws Exception {
    CopyModule copy = new CopyModule();
    assertThat(converge(copy, Map.of("content", "one\n", "dest", p("a.txt"), "mode", "0600")))
        .isInstanceOf(Change.Pending.class);
    assertThat(mode("a.txt")).isEqualTo("rw-------");
    Change chmod = converge(copy, Map.of("content", "one\n", "dest", p("a.txt"), "mode", "u=rw,g=r"));
    assertThat(((Change.Pending) chmod).steps()).allMatch(s -> s instanceof Step.Run);
    assertThat(mode("a.txt")).isEqualTo("rw-r-----");
    Change.Pending edit = (Change.Pending) converge(copy, Map.of("content", "two\n", "dest", p("a.txt")));
    assertThat(edit.diffs()).anySatisfy(d -> {
      assertThat(d.before()).isEqualTo("one\n");
      assertThat(d.after()).isEqualTo("two\n");
    });
    assertThat(mode("a.txt")).as("mode kept").isEqualTo("rw-r-----");
    assertThat(edit.data()).containsEntry("checksum", FileSync.hex("SHA-1", "two\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void copySrcIntoDirectoryAndNastyNames() throws Exception {
    host.controllerFile(NASTY, "x\n");
    converge(new CopyModule(), Map.of("src", NASTY, "dest", dir.toString()));
    assertThat(dir.resolve(NASTY)).hasContent("x");
    converge(new CopyModule(), Map.of("src", NASTY, "dest", p("sub") + "/"));
    assertThat(dir.resolve("sub").resolve(NASTY)).hasContent("x");
    assertThat(Files.exists(Path.of("PWNED"))).isFalse();
    assertThat(dir.resolve("PWNED")).doesNotExist();
  }

  @Test
  void copyIntoMissingDirectoryFails() {
    assertThatThrownBy(() -> plan(new CopyModule(), Map.of("content", "x", "dest", p("no/such/file"))))
        .isInstanceOf(ModuleException.class).hasMessageContaining("Destination directory " + p("no/such"));
  }

  @Test
  void templateRendersVariables() throws Exception {
    host.controllerFile("motd.mustache", "hello {{name}}\n").var("name", "web1");
    converge(new TemplateModule(), Map.of("src", "motd.mustache", "dest", p("motd")));
    assertThat(dir.resolve("motd")).hasContent("hello web1");
  }

  @Test
  void lineinfileCreatesReplacesAndRemoves() throws Exception {
    LineInFileModule lif = new LineInFileModule();
    String f = p("sshd_config");
    converge(lif, Map.of("path", f, "line", "Port 22", "create", true));
    converge(lif, Map.of("path", f, "line", "PermitRootLogin no", "regexp", "^#?PermitRootLogin"));
    Files.writeString(Path.of(f), "a\nPermitRootLogin yes\nb");
    converge(lif, Map.of("path", f, "line", "PermitRootLogin no", "regexp", "^#?PermitRootLogin"));
    converge(lif, Map.of("path", f, "line", "c", "insertafter", "^a"));
    assertThat(Files.readString(Path.of(f))).isEqualTo("a\nc\nPermitRootLogin no\nb");
    converge(lif, Map.of("path", f, "line", "EOF line"));
    assertThat(Files.readString(Path.of(f))).isEqualTo("a\nc\nPermitRootLogin no\nb\nEOF line\n");
    Change removed = converge(lif, Map.of("path", f, "regexp", "^[a-c]$", "state", "absent"));
    assertThat(removed.data()).containsEntry("found", 3);
    assertThat(Files.readString(Path.of(f))).isEqualTo("PermitRootLogin no\nEOF line\n");
  }

  @Test
  void lineinfileWritesThroughSymlinks() throws Exception {
    Files.writeString(dir.resolve("real"), "x\n");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    converge(new LineInFileModule(), Map.of("path", p("link"), "line", "y"));
    assertThat(Files.isSymbolicLink(dir.resolve("link"))).isTrue();
    assertThat(dir.resolve("real")).hasContent("x\ny");
  }

  @Test
  void fileDirectoriesLinksAndAbsent() throws Exception {
    FileModule file = new FileModule();
    converge(file, Map.of("path", p("d/e"), "state", "directory", "mode", "u=rwx,g=rx,o="));
    assertThat(mode("d/e")).isEqualTo("rwxr-x---");
    Files.writeString(dir.resolve("d/e/f"), "f");
    converge(file, Map.of("path", p("d"), "state", "directory", "recurse", true, "mode", "u=rwX,g=rX,o="));
    assertThat(mode("d/e/f")).isEqualTo("rw-r-----");
    converge(file, Map.of("path", p("l"), "state", "link", "src", "d/e"));
    assertThat(Files.readSymbolicLink(dir.resolve("l"))).isEqualTo(Path.of("d/e"));
    converge(file, Map.of("path", p("l"), "state", "link", "src", "d"));
    converge(file, Map.of("path", p("h"), "state", "hard", "src", p("d/e/f")));
    assertThat(Files.isSameFile(dir.resolve("h"), dir.resolve("d/e/f"))).isTrue();
    converge(file, Map.of("path", p("h"), "state", "file", "mode", "0604"));
    assertThat(mode("d/e/f")).isEqualTo("rw----r--");
    converge(file, Map.of("path", p("d"), "state", "absent"));
    assertThat(dir.resolve("d")).doesNotExist();
    converge(file, Map.of("path", p(NASTY), "state", "directory"));
    assertThat(dir.resolve(NASTY)).isDirectory();
  }

  @Test
  void fileStateFileOnMissingPathFailsAndTouchAlwaysChanges() throws Exception {
    FileModule file = new FileModule();
    assertThatThrownBy(() -> plan(file, Map.of("path", p("x"), "state", "file")))
        .hasMessage("file (" + p("x") + ") is absent, cannot continue");
    host.apply(plan(file, Map.of("path", p("x"), "state", "touch", "mode", "0640")));
    assertThat(mode("x")).isEqualTo("rw-r-----");
    assertThat(plan(file, Map.of("path", p("x"), "state", "touch"))).isInstanceOf(Change.Pending.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void statReadsAttributes() throws Exception {
    Files.writeString(dir.resolve("s"), "abc");
    Files.createSymbolicLink(dir.resolve("sl"), dir.resolve("s"));
    Map<String, Object> s = (Map<String, Object>) plan(new StatModule(), Map.of("path", p("s"))).data().get("stat");
    assertThat(s).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("size", 3L)
        .containsEntry("checksum", FileSync.hex("SHA-1", "abc".getBytes(StandardCharsets.UTF_8)))
        .containsEntry("pw_name", System.getProperty("user.name")).containsEntry("islnk", false).containsKey("mtime");
    Map<String, Object> l = (Map<String, Object>) plan(new StatModule(), Map.of("path", p("sl"))).data().get("stat");
    assertThat(l).containsEntry("islnk", true).containsEntry("lnk_source", p("s")).doesNotContainKey("checksum");
    Map<String, Object> f = (Map<String, Object>) plan(new StatModule(), Map.of("path", p("sl"), "follow", true))
        .data().get("stat");
    assertThat(f).containsEntry("isreg", true).containsKey("checksum");
    assertThat(plan(new StatModule(), Map.of("path", p("none"))).data().get("stat")).isEqualTo(Map.of("exists", false));
  }

  @Test
  void commandQuotesEveryWordAndShellDoesNot() throws Exception {
    host.apply(plan(new CommandModule(), Map.of("cmd", "echo $HOME \"a  b\" '\";$()'")));
    assertThat(host.last().stdout()).isEqualTo("$HOME a  b \";$()\n");
    host.apply(plan(new ShellModule(), Map.of("cmd", "pwd; echo $((1+2)) | cat", "chdir", dir.toString())));
    assertThat(host.last().stdout()).isEqualTo(dir.toRealPath() + "\n3\n");
    host.apply(plan(new CommandModule(), Map.of("argv", java.util.List.of("cat"), "stdin", NASTY)));
    assertThat(host.last().stdout()).isEqualTo(NASTY + "\n");
  }

  @Test
  void createsAndRemovesAreGlobsRelativeToChdir() throws Exception {
    Files.writeString(dir.resolve("done.flag"), "");
    assertThat(plan(new CommandModule(), Map.of("cmd", "false", "chdir", dir.toString(), "creates", "*.flag")))
        .isInstanceOf(Change.None.class).extracting(Change::msg).isEqualTo("skipped, since *.flag exists");
    assertThat(plan(new CommandModule(), Map.of("cmd", "true", "chdir", dir.toString(), "removes", "*.nope")))
        .isInstanceOf(Change.None.class);
    assertThat(plan(new ShellModule(), Map.of("cmd", "true", "creates", p("x$(touch PWNED)*"),
        "removes", p("done.flag")))).isInstanceOf(Change.Pending.class);
    assertThat(dir.resolve("PWNED")).doesNotExist();
  }
}
