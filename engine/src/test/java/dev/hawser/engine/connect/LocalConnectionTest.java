package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Sh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalConnectionTest {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  final LocalConnection local = new LocalConnection();

  @Test
  void runsWithShAndCapturesEverything() throws Exception {
    ExecResult r = local.exec("echo out; echo err >&2; exit 4", null, TIMEOUT);
    assertThat(r.rc()).isEqualTo(4);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(local.describe()).isEqualTo("local");
  }

  @Test
  void feedsStdinAndClosesIt() throws Exception {
    ExecResult r = local.exec("cat; echo end", "α\nβ\n".getBytes(StandardCharsets.UTF_8), TIMEOUT);
    assertThat(r.stdout()).isEqualTo("α\nβ\nend\n");
    assertThat(local.exec("wc -c", null, TIMEOUT).stdout().strip()).isEqualTo("0");
  }

  @Test
  void quotedArgumentIsLiteral() throws Exception {
    String nasty = "'\";$(id) `x` $PATH \\";
    assertThat(local.exec("printf '%s' " + Sh.quote(nasty), null, TIMEOUT).stdout()).isEqualTo(nasty);
  }

  @Test
  void largeOutputOnBothStreamsAndLargeStdinDoNotDeadlock() throws Exception {
    byte[] input = "x".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
    ExecResult r = local.exec("head -c 2000000 /dev/zero | tr '\\0' a; head -c 2000000 /dev/zero | tr '\\0' b >&2; "
        + "wc -c >&2", input, TIMEOUT);
    assertThat(r.rc()).isZero();
    assertThat(r.stdout()).hasSize(2_000_000).matches("a+");
    assertThat(r.stderr()).startsWith("bbb").endsWith("3000000\n");
  }

  @Test
  void timeoutKillsTheCommand() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> local.exec("sleep 10", null, Duration.ofMillis(300)))
        .isInstanceOf(IOException.class)
        .hasMessage("command timed out after 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
