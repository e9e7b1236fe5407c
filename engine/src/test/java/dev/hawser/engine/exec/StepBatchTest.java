package dev.hawser.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.connect.LocalConnection;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepBatchTest {
  @TempDir
  Path dir;

  private static StepBatch.Result runLocally(StepBatch batch) throws Exception {
    ExecResult r = new LocalConnection().exec(batch.script(), batch.stdinBytes(), Duration.ofSeconds(20));
    return batch.read(r);
  }

  private Step.Upload upload(String name, String content) {
    return new Step.Upload(dir.resolve(name).toString(), content.getBytes(StandardCharsets.UTF_8), "0600", null, null);
  }

  @Test
  void groupsStepsSoThatEachBatchHasOneStdinReaderAndReconnectStandsAlone() {
    Step a = new Step.Run("echo a");
    Step up = upload("f", "x");
    Step withStdin = new Step.Run("cat", "in".getBytes(StandardCharsets.UTF_8), false);
    Step reconnect = new Step.Reconnect("true", 5);
    Step b = new Step.Run("echo b");
    List<StepBatch> batches = StepBatch.group(List.of(a, up, withStdin, reconnect, b));
    assertThat(batches).extracting(StepBatch::steps)
        .containsExactly(List.of(a, up), List.of(withStdin), List.of(reconnect), List.of(b));
  }

  @Test
  void aBatchRunsEveryStepInOneScriptAndKeepsTheLastRunsOutput() throws Exception {
    StepBatch batch = StepBatch.group(List.of(new Step.Run("echo one; exit 0"), upload("conf", "hello\n"),
        new Step.Run("echo two; echo warn >&2"))).get(0);
    StepBatch.Result r = runLocally(batch);
    assertThat(r.failedStep()).isEqualTo(-1);
    assertThat(r.lastRun()).isEqualTo(new ExecResult(0, "two\n", "warn\n"));
    assertThat(Files.readString(dir.resolve("conf"))).isEqualTo("hello\n");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("conf"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aFailingStepStopsTheBatchAndIsNamed() throws Exception {
    Path marker = dir.resolve("never");
    StepBatch batch = StepBatch.group(List.of(new Step.Run("echo a"), new Step.Run("echo oops >&2; exit 3"),
        new Step.Run("touch '" + marker + "'"))).get(0);
    StepBatch.Result r = runLocally(batch);
    assertThat(r.failedStep()).isEqualTo(1);
    assertThat(r.failedOutput()).isEqualTo(new ExecResult(3, "", "oops\n"));
    assertThat(marker).doesNotExist();
  }

  @Test
  void allowedFailuresDoNotStopTheBatchAndStepsWithoutStdinReadNothing() throws Exception {
    Path out = dir.resolve("out");
    StepBatch batch = StepBatch.group(List.of(new Step.Run("false", null, true),
        new Step.Run("cat > '" + out + "'"), upload("data", "payload"))).get(0);
    StepBatch.Result r = runLocally(batch);
    assertThat(r.failedStep()).isEqualTo(-1);
    assertThat(Files.readString(out)).isEmpty();
    assertThat(Files.readString(dir.resolve("data"))).isEqualTo("payload");
  }
}
