package dev.hawser.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Diff;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import dev.hawser.engine.testing.FakeRemote;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What YAML cases cannot show well: backups (a clock), diffs, and stat's result map. */
class FileModulesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T13:45:00Z"), ZoneOffset.UTC);
  private static final String MOTD_READ = FileState.fact("/etc/motd", null, FileSync.DIFF_LIMIT).command();
  private static final String OLD_MOTD = """
      real:/etc/motd
      stat:81a4:0:0:4:root:root
      sha256:01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee  -
      --content--
      old

      --end--
      """;

  private static Change plan(TaskModule m, FakeRemote host, Map<String, Object> params) throws Exception {
    return m.plan(m.spec().validate(params, false), host);
  }

  @Test
  void copyBacksUpThenUploadsAndShowsBothDiffs() throws Exception {
    FakeRemote host = new FakeRemote().on(MOTD_READ, OLD_MOTD);
    Change.Pending c = (Change.Pending) plan(new CopyModule(CLOCK), host,
        Map.of("content", "new\n", "dest", "/etc/motd", "backup", true, "mode", "0600"));
    assertThat(c.steps()).hasSize(2);
    assertThat(c.steps().get(0)).isEqualTo(new Step.Run("cp -p -- /etc/motd '/etc/motd.2024-05-01@13:45:00~'"));
    assertThat(c.steps().get(1)).isInstanceOf(Step.Upload.class);
    assertThat(c.diffs()).containsExactly(new Diff("/etc/motd", "old\n", "new\n"),
        new Diff("/etc/motd (file attributes)", "mode: 0644\n", "mode: 0600\n"));
    assertThat(c.data()).containsEntry("backup_file", "/etc/motd.2024-05-01@13:45:00~")
        .containsEntry("mode", "0600").containsEntry("size", 4).containsEntry("dest", "/etc/motd");
    assertThat(host.ran()).as("one round trip").hasSize(1);
  }

  @Test
  void binaryContentHasNoTextDiff() throws Exception {
    FakeRemote host = new FakeRemote().on(MOTD_READ, OLD_MOTD);
    Change.Pending c = (Change.Pending) plan(new CopyModule(CLOCK), host,
        Map.of("content", "a\u0000b", "dest", "/etc/motd"));
    assertThat(c.diffs()).isEmpty();
  }

  @Test
  void largeFilesAreComparedByChecksumWithoutDiff() throws Exception {
    FakeRemote host = new FakeRemote().on(MOTD_READ, OLD_MOTD.replace(":4:root", ":900000:root"));
    Change.Pending c = (Change.Pending) plan(new CopyModule(CLOCK), host, Map.of("content", "x", "dest", "/etc/motd"));
    assertThat(c.diffs()).isEmpty();
  }

  @Test
  void lineinfileBacksUpAndReportsIt() throws Exception {
    String read = FileState.fact("/etc/motd", null, -1).command();
    FakeRemote host = new FakeRemote().on(read, OLD_MOTD);
    Change.Pending c = (Change.Pending) plan(new LineInFileModule(CLOCK), host,
        Map.of("path", "/etc/motd", "line", "new", "backup", "yes"));
    assertThat(c.steps().get(0)).isEqualTo(new Step.Run("cp -p -- /etc/motd '/etc/motd.2024-05-01@13:45:00~'"));
    assertThat(c.diffs()).containsExactly(new Diff("/etc/motd", "old\n", "old\nnew\n"));
    assertThat(c.data()).containsEntry("backup", "/etc/motd.2024-05-01@13:45:00~");
  }

  @Test
  void fileModeChangeIsADiff() throws Exception {
    String read = PathState.fact("/srv/x", null, false).command();
    FakeRemote host = new FakeRemote().on(read, "self:2049.5:1:81a4:0:0:3:root:root\n");
    Change.Pending c = (Change.Pending) plan(new FileModule(), host,
        Map.of("path", "/srv/x", "mode", "0600", "owner", "www-data"));
    assertThat(c.diffs()).containsExactly(new Diff("/srv/x (file attributes)",
        "mode: 0644\nowner: root\n", "mode: 0600\nowner: www-data\n"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void statReturnsAnsibleKeys() throws Exception {
    TaskModule stat = new StatModule();
    FakeRemote host = new FakeRemote();
    String read;
    try {
      plan(stat, host, Map.of("path", "/usr/bin/passwd"));
      throw new AssertionError("expected a read");
    } catch (AssertionError e) {
      read = e.getMessage().split("\n")[1];
    }
    host.on(read, "stat:89ed:0:0:59976:131:2049:1:1700000001:1700000002:1700000003:root:root\naccess:rx\n"
        + "sum:0123456789abcdef0123456789abcdef01234567  -\n");
    Change c = plan(stat, host, Map.of("path", "/usr/bin/passwd"));
    assertThat(c).isInstanceOf(Change.None.class);
    Map<String, Object> s = (Map<String, Object>) c.data().get("stat");
    assertThat(s).containsEntry("exists", true).containsEntry("path", "/usr/bin/passwd")
        .containsEntry("mode", "4755").containsEntry("isuid", true).containsEntry("isreg", true)
        .containsEntry("isdir", false).containsEntry("islnk", false).containsEntry("uid", 0)
        .containsEntry("gid", 0).containsEntry("pw_name", "root").containsEntry("gr_name", "root")
        .containsEntry("size", 59976L).containsEntry("mtime", 1700000002L).containsEntry("xoth", true)
        .containsEntry("woth", false).containsEntry("readable", true).containsEntry("writeable", false)
        .containsEntry("executable", true).containsEntry("checksum", "0123456789abcdef0123456789abcdef01234567");
  }
}
