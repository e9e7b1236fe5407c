package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.hawser.it.support.AnsiblePlaybook;
import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;

/**
 * Spot check against Ansible itself: the same copy of playbooks/basics.yml, run by ansible-playbook
 * on one fresh host and by Hawser on another (both named "compat"), prints the same PLAY RECAP,
 * first run and second run. Skipped when ansible-playbook is not installed or python3 cannot be
 * put on the Ansible host. The copy differs in one line: motd.mustache is a Mustache section that
 * Jinja2 cannot parse, so it uses a template valid in both.
 */
class AnsibleCompatTest {
  private static final String PYTHON_IMAGE = "hawser/debian12-sshd-python:latest";
  private static Path ansible;
  private static SshHost forAnsible;
  private static SshHost forHawser;

  @BeforeAll
  static void start() {
    ansible = AnsiblePlaybook.find();
    assumeTrue(ansible != null, "ansible-playbook is not installed");
    boolean pythonImage = imageExists(PYTHON_IMAGE);
    forAnsible = (pythonImage ? SshHost.builder().image(PYTHON_IMAGE) : SshHost.builder()).name("compat").start();
    if (!pythonImage) {
      ExecResult r = forAnsible.exec("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive"
          + " apt-get install -y -qq --no-install-recommends python3-minimal");
      assumeTrue(r.getExitCode() == 0, "cannot install python3 for Ansible: " + r.getStderr());
    }
    forHawser = SshHost.builder().name("compat").key(forAnsible.key()).start();
  }

  @AfterAll
  static void stop() {
    for (SshHost h : new SshHost[] {forAnsible, forHawser}) {
      if (h != null) {
        h.stop();
      }
    }
  }

  @Test
  void basicsPrintsTheSameRecapAsAnsible() throws Exception {
    TestInventory ansibleInv = TestInventory.of(forAnsible);
    TestInventory hawserInv = TestInventory.of(forHawser);
    Path book = copyOfBasics(ansibleInv.dir().resolve("book"));
    for (String round : List.of("first run", "second run")) {
      HawserRun a = AnsiblePlaybook.run(ansible, book, ansibleInv, Duration.ofMinutes(3));
      HawserRun h = HawserRun.run(HawserRun.play(book, hawserInv));
      assertThat(a.exitCode()).as("ansible, " + round + "\n" + a.out()).isZero();
      assertThat(h.exitCode()).as(h.describe()).isZero();
      assertThat(h.recapLine("compat")).as(round + "\nansible:\n" + a.out() + "\nhawser:\n" + h.out())
          .isEqualTo(a.recapLine("compat"));
      assertThat(h.banners()).as(round).isEqualTo(a.banners());
    }
    assertThat(forHawser.execOk("cat", "/srv/app/app.conf")).isEqualTo(forAnsible.execOk("cat", "/srv/app/app.conf"));
    assertThat(forHawser.execOk("cat", "/etc/motd")).isEqualTo(forAnsible.execOk("cat", "/etc/motd"));
  }

  /** playbooks/basics.yml and its group_vars in {@code dir}, with a template both engines can render. */
  private static Path copyOfBasics(Path dir) throws Exception {
    Path root = Resources.repoRoot();
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("group_vars"));
    String book = Files.readString(root.resolve("playbooks/basics.yml"));
    assertThat(book).contains("src: motd.mustache");
    Files.writeString(dir.resolve("basics.yml"), book.replace("src: motd.mustache", "src: motd.txt"));
    Files.writeString(dir.resolve("templates/motd.txt"), "Welcome to {{ inventory_hostname }}.\n");
    Files.copy(root.resolve("playbooks/group_vars/all.yml"), dir.resolve("group_vars/all.yml"));
    return dir.resolve("basics.yml");
  }

  private static boolean imageExists(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
