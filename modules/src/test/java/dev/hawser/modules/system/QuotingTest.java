package dev.hawser.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ParamSpec.ParamException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands modules build through a real /bin/sh, with the tools they call replaced by
 * fakes that record their arguments: a parameter full of quotes, ; and $( ) must arrive as one
 * literal argument, and nothing in it may run.
 */
class QuotingTest {
  private static final List<String> TOOLS = List.of("apt-get", "dpkg-query", "apt-cache", "useradd",
      "usermod", "groupadd", "systemctl", "getent", "id", "grep");
  @TempDir
  Path dir;
  private Path log;
  private Path pwned;
  private String evil;

  @BeforeEach
  void fakeTools() throws IOException {
    log = dir.resolve("args.log");
    pwned = dir.resolve("pwned");
    evil = "x'\";$(touch " + pwned + ")`touch " + pwned + "`\\ $HOME";
    Path bin = Files.createDirectory(dir.resolve("bin"));
    for (String tool : TOOLS) {
      Path f = bin.resolve(tool);
      // one line per call: the tool, then its arguments separated by NUL
      Files.writeString(f, "#!/bin/sh\n{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf '\\0%s' \"$a\"; done; "
          + "printf '\\n'; } >> '" + log + "'\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private List<List<String>> calls() throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    return Files.readString(log, StandardCharsets.UTF_8).lines()
        .map(l -> Arrays.asList(l.split("\0", -1))).toList();
  }

  /** Plans on the local shell, applies every step, returns the recorded tool calls. */
  private List<List<String>> runModule(TaskModule module, Map<String, Object> raw) throws Exception {
    LocalShell sh = new LocalShell(dir.resolve("bin"));
    Change change = module.plan(validate(module, raw), sh);
    if (change instanceof Change.Pending p) {
      for (Step s : p.steps()) {
        sh.apply(s);
      }
    }
    assertThat(pwned).as("nothing in the parameter ran").doesNotExist();
    return calls();
  }

  private static Params validate(TaskModule module, Map<String, Object> raw) throws ParamException {
    return module.spec().validate(raw, false);
  }

  private void assertCalled(List<List<String>> calls, String tool) {
    assertThat(calls).as("calls to " + tool)
        .anySatisfy(c -> assertThat(c).first().isEqualTo(tool))
        .filteredOn(c -> c.get(0).equals(tool))
        .allSatisfy(c -> assertThat(c).contains(evil));
  }

  @Test
  void aptPassesAPackageNameLiterally() throws Exception {
    List<List<String>> calls = runModule(new AptModule(), Map.of("name", List.of(evil)));
    assertCalled(calls, "dpkg-query");
    assertCalled(calls, "apt-get");
  }

  @Test
  void packageDetectionPassesNamesLiterally() throws Exception {
    List<List<String>> calls = runModule(new PackageModule(), Map.of("name", List.of(evil)));
    assertCalled(calls, "apt-get");
  }

  @Test
  void userPassesEveryFieldLiterally() throws Exception {
    List<List<String>> calls = runModule(new UserModule(),
        Map.of("name", "deploy", "comment", evil, "shell", evil, "home", evil, "groups", List.of(evil)));
    List<String> useradd = calls.stream().filter(c -> c.get(0).equals("useradd")).findFirst().orElseThrow();
    assertThat(useradd).containsSubsequence("-G", evil, "-c", evil, "-d", evil, "-s", evil, "-m", "deploy");
  }

  @Test
  void groupPassesTheNameLiterally() throws Exception {
    assertCalled(runModule(new GroupModule(), Map.of("name", evil)), "groupadd");
  }

  @Test
  void systemdPassesTheUnitLiterally() throws Exception {
    List<List<String>> calls = runModule(new SystemdModule(), Map.of("name", evil, "state", "started",
        "daemon_reload", true));
    assertThat(calls).filteredOn(c -> c.get(0).equals("systemctl"))
        .extracting(c -> c.get(c.size() - 1)).contains(evil);
  }

  @Test
  void waitForPassesPathAndRegexLiterally() throws Exception {
    List<List<String>> calls = runModule(new WaitForModule(),
        Map.of("path", evil, "search_regex", evil, "timeout", 0));
    assertThat(calls).first().isEqualTo(List.of("grep", "-Eq", "--", evil, evil));
  }
}
