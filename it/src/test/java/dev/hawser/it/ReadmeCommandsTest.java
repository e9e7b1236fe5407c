package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands: the first (a --check run of the KVM playbook on this machine) runs
 * and changes nothing; the second is what .ci/run runs.
 */
class ReadmeCommandsTest {
  private static List<String> commands() throws Exception {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(Resources.repoRoot().resolve("README.md"))) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && !line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  @Test
  void theFirstCommandChecksTheKvmPlaybookOnThisMachine() throws Exception {
    String first = commands().get(0);
    assertThat(first).startsWith("./hawser play ");
    List<String> args = new ArrayList<>(List.of(first.substring("./hawser ".length()).split(" ")));
    Path root = Resources.repoRoot();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("playbooks/") || args.get(i).startsWith("inventory/")) {
        args.set(i, root.resolve(args.get(i)).toString());
      }
    }
    assertThat(args).contains("--check");
    HawserRun r = HawserRun.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.recap("localhost").failed()).isZero();
  }

  @Test
  void theSecondCommandIsWhatCiRuns() throws Exception {
    String second = commands().get(1);
    List<String> ci = Files.readAllLines(Resources.repoRoot().resolve(".ci/run"));
    assertThat(ci).anyMatch(line -> line.strip().equals("exec " + second));
  }
}
