package dev.hawser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) stops the run: no new task starts, the recap is printed, exit code 99. */
class InterruptTest {
  @TempDir
  Path dir;

  @Test
  void ctrlCPrintsTheRecapAndExits99() throws Exception {
    Path pb = dir.resolve("slow.yml");
    Files.writeString(pb, """
        - hosts: localhost
          gather_facts: false
          tasks:
            - name: slow
              shell: echo started > %s; sleep 30
            - name: after
              command: touch %s
        """.formatted(dir.resolve("started"), dir.resolve("after")));
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.hawser.cli.Main", "play", pb.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(dir.resolve("started")).exists();
    interrupt(p.pid());
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("hawser ended after Ctrl-C").isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(99);
    assertThat(out).contains("User interrupted execution").contains("PLAY RECAP").doesNotContain("TASK [after]");
    assertThat(dir.resolve("after")).doesNotExist();
  }

  private static void interrupt(long pid) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor()).isZero();
  }
}
