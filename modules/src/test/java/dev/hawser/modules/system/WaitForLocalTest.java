package dev.hawser.modules.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs wait_for's loop in this machine's /bin/sh against a real socket and real files (Linux). */
class WaitForLocalTest {
  private final WaitForModule waitFor = new WaitForModule();
  private final LocalShell sh = new LocalShell(null);

  @BeforeEach
  void linuxOnly() {
    assumeTrue(Files.exists(Path.of("/proc/net/tcp")), "needs /proc/net/tcp");
  }

  private Change plan(Map<String, Object> raw) throws Exception {
    return waitFor.plan(waitFor.spec().validate(raw, false), sh);
  }

  @Test
  void listeningPortIsSeenWithoutNc() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Change c = plan(Map.of("port", server.getLocalPort(), "timeout", 5));
      assertThat(c).isInstanceOf(Change.None.class);
      assertThat(c.data()).containsEntry("elapsed", 0L).containsEntry("port", server.getLocalPort());
    }
  }

  @Test
  void closedPortTimesOut() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int closed = port;
    assertThatThrownBy(() -> plan(Map.of("port", closed, "timeout", 1)))
        .isInstanceOf(ModuleException.class)
        .hasMessage("Timeout when waiting for 127.0.0.1:" + closed);
    assertThat(plan(Map.of("port", closed, "state", "stopped", "timeout", 1))).isInstanceOf(Change.None.class);
  }

  @Test
  void fileAndRegex(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("app.log"), "booting\nStarted app in 3s\n");
    assertThat(plan(Map.of("path", log.toString(), "search_regex", "Started .* in [0-9]+s", "timeout", 2)))
        .isInstanceOf(Change.None.class);
    assertThat(plan(Map.of("path", dir.resolve("gone").toString(), "state", "absent", "timeout", 2)))
        .isInstanceOf(Change.None.class);
    assertThatThrownBy(() -> plan(Map.of("path", log.toString(), "search_regex", "never", "timeout", 1)))
        .hasMessageContaining("Timeout when waiting for search string never in " + log);
  }
}
