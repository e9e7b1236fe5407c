package dev.hawser.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real ansible-playbook (when installed) against test hosts, for compatibility checks. */
public final class AnsiblePlaybook {
  private AnsiblePlaybook() {}

  /** The ansible-playbook executable on PATH, or null when Ansible is not installed. */
  public static Path find() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "ansible-playbook");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * {@code ansible-playbook PLAYBOOK -i INV} with strict host-key checking against the inventory's
   * known_hosts, no colour, no retry files; returns the exit code and output as a {@link HawserRun}.
   */
  public static HawserRun run(Path exe, Path playbook, TestInventory inv, Duration timeout, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(exe.toString(), playbook.toString(), "-i", inv.inventory().toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(playbook.getParent().toFile());
    Path log = Files.createTempFile(inv.dir(), "ansible", ".out");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("ANSIBLE_NOCOLOR", "1");
    env.put("ANSIBLE_PIPELINING", "true");
    env.put("ANSIBLE_FORCE_COLOR", "0");
    env.put("ANSIBLE_RETRY_FILES_ENABLED", "false");
    env.put("ANSIBLE_HOST_KEY_CHECKING", "true");
    env.put("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3");
    env.put("ANSIBLE_LOCAL_TEMP", inv.dir().resolve("ansible-local").toString());
    env.put("ANSIBLE_SSH_ARGS", "-o UserKnownHostsFile=" + inv.knownHosts() + " -o StrictHostKeyChecking=yes"
        + " -o ControlMaster=no");
    env.remove("ANSIBLE_CONFIG");
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("ansible-playbook took more than " + timeout + ":\n" + Files.readString(log));
    }
    return new HawserRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }
}
