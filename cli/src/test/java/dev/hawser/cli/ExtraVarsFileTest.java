package dev.hawser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "-e @vars.yml" reaches the engine as a vars file (picocli must not expand it as an argument file). */
class ExtraVarsFileTest {
  @TempDir
  Path dir;

  @Test
  void extraVarsFromAFile() throws Exception {
    Path book = Files.writeString(dir.resolve("book.yml"),
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - debug:\n        msg: \"colour={{ colour }}\"\n");
    Path vars = Files.writeString(dir.resolve("vars.yml"), "colour: blue\nansible_connection: local\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "play", book.toString(), "-i", "localhost,", "-e", "@" + vars);
    String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(all).isZero();
    assertThat(all).contains("\"msg\": \"colour=blue\"");
  }
}
