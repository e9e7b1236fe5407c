package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Sh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshExecTest {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  @TempDir static Path home;
  static TestSshServer server;
  static SshConnector connector;
  static Connection connection;

  @BeforeAll
  static void connect() throws Exception {
    server = TestSshServer.start();
    KeyPair client = TestKeys.ed25519();
    server.authorizedKeys.add(client.getPublic());
    Path key = TestKeys.write(client, home.resolve("id"), null);
    connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE));
    connection = connector.open(new ConnectionSpec("h", "127.0.0.1", server.port(), "u", List.of(key), null, null,
        null, HostKeyChecking.OFF, null, TIMEOUT));
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    connector.close();
    server.close();
  }

  @Test
  void returnsExitCodeStdoutAndStderr() throws Exception {
    ExecResult r = connection.exec("echo out; echo err >&2; exit 3", null, TIMEOUT);
    assertThat(r.rc()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
  }

  @Test
  void passesStdinAndClosesIt() throws Exception {
    byte[] input = "line one\nzwei – drei ü\n".getBytes(StandardCharsets.UTF_8);
    ExecResult r = connection.exec("cat; echo done", input, TIMEOUT);
    assertThat(r.stdout()).isEqualTo("line one\nzwei – drei ü\ndone\n");
    assertThat(connection.exec("wc -c", null, TIMEOUT).stdout().strip()).isEqualTo("0");
  }

  @Test
  void quotedArgumentComesBackLiterally() throws Exception {
    String nasty = "it's \"quoted\"; $(echo pwned) `id` $HOME \\ & | > < * ?\ttab";
    ExecResult r = connection.exec("printf '%s' " + Sh.quote(nasty), null, TIMEOUT);
    assertThat(r.stdout()).isEqualTo(nasty);
  }

  @Test
  void largeOutputIsComplete() throws Exception {
    ExecResult r = connection.exec("i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i+1)); done", null, TIMEOUT);
    assertThat(r.stdout().lines().count()).isEqualTo(20000);
    assertThat(r.stdout()).endsWith("line-19999\n");
  }

  @Test
  void twentyConcurrentExecsOnOneConnection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<ExecResult>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String n = Integer.toString(i);
        results.add(pool.submit(() -> connection.exec("sleep 0.2; echo " + n, null, TIMEOUT)));
      }
      for (int i = 0; i < 20; i++) {
        ExecResult r = results.get(i).get();
        assertThat(r.rc()).isZero();
        assertThat(r.stdout()).isEqualTo(i + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void timeoutGivesOneLineIOException() {
    assertThatThrownBy(() -> connection.exec("sleep 5", null, Duration.ofMillis(700)))
        .isInstanceOf(IOException.class)
        .hasMessage("command timed out after 1s");
  }
}
