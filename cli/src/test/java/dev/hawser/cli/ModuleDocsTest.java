package dev.hawser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleDocsTest {
  @Test
  void docsModulesMdIsWhatTheModulesSayAboutThemselves() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "doc", "--markdown");
    assertThat(rc).isZero();
    String committed = Files.readString(Path.of("../docs/modules.md"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .as("docs/modules.md is stale: regenerate with ./hawser doc --markdown > docs/modules.md")
        .isEqualTo(committed);
  }
}
