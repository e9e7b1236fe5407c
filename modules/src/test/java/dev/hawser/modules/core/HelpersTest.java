package dev.hawser.modules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.ModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpersTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0644; 0600; false; 0644",
      "u=rw,go=r; 0777; false; 0644",
      "u+x; 0644; false; 0744",
      "go-rwx; 0755; true; 0700",
      "a+X; 0644; false; 0644",
      "a+X; 0744; false; 0755",
      "a+X; 0700; true; 0711",
      "+x; 0600; false; 0711",
      "u+s,g+s; 0755; true; 6755",
      "o+t; 0777; true; 1777",
      "u=rwx,g=rx,o=; 0000; true; 0750",
  })
  void symbolicModesAsChmodComputesThem(String mode, String current, boolean dir, String expected)
      throws ModuleException {
    assertThat(FileMode.format(FileMode.apply(mode, Integer.parseInt(current, 8), dir))).isEqualTo(expected);
  }

  @Test
  void chmodGetsAnExplicitWhoSoTheUmaskDoesNotApply() {
    assertThat(FileMode.forChmod("+x,u=rw,-w")).isEqualTo("a+x,u=rw,a-w");
    assertThat(FileMode.forChmod("0755")).isEqualTo("0755");
  }

  @Test
  void wordsSplitLikeShlex() throws ModuleException {
    assertThat(ShellWords.split("  echo  'a b' \"c \\\" \\$d\" e\\ f '' g\"h\"i ")).containsExactly(
        "echo", "a b", "c \" \\$d", "e f", "", "ghi");
    assertThatThrownBy(() -> ShellWords.split("echo \"x")).hasMessageContaining("No closing quotation");
  }

  @Test
  void globsKeepOnlyWildcardsBare() {
    assertThat(RunGuard.glob("/var/log/*.log")).isEqualTo("/var/log/*.log");
    assertThat(RunGuard.glob("/tmp/a b/file?[0-9]")).isEqualTo("'/tmp/a b/file'?[0-9]");
    assertThat(RunGuard.glob("/x/$(reboot)[;]*")).isEqualTo("'/x/$(reboot)[;]'*");
    assertThat(RunGuard.glob("~/done")).isEqualTo("\"$HOME\"/done");
  }

  @Test
  void pythonTemplateEscapes() throws ModuleException {
    var m = PyRegex.compile("(a)(b)?").matcher("a");
    assertThat(m.find()).isTrue();
    assertThat(PyRegex.expand(m, "\\1-\\2-\\t-\\\\-\\.")).isEqualTo("a--\t-\\-\\.");
    assertThatThrownBy(() -> PyRegex.expand(m, "\\q")).hasMessageContaining("bad escape");
    assertThat(List.of(PyRegex.compile("a\\Z").matcher("a\n").find(), PyRegex.compile("a$").matcher("a\n").find()))
        .containsExactly(false, true);
  }
}
