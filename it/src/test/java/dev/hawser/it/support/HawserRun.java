package dev.hawser.it.support;

import dev.hawser.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One in-process {@code hawser} run ({@link Cli#run}): exit code and captured stdout/stderr.
 *
 * <pre>{@code
 * HawserRun r = HawserRun.run("play", book.toString(), "-i", inv.inventory().toString());
 * assertThat(r.exitCode()).as(r.describe()).isZero();
 * assertThat(r.recap("host1").changed()).isEqualTo(3);
 * assertThat(r.status("Install the config", "host1")).isEqualTo("changed");
 * }</pre>
 */
public record HawserRun(int exitCode, String out, String err) {
  private static final Object STDIN_LOCK = new Object();

  /** Runs the CLI with these arguments; stdin is left alone. */
  public static HawserRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(o, e, args);
    }
    return new HawserRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the CLI with {@code stdin} as System.in (e.g. the password for -K), restoring it afterwards. */
  public static HawserRun runWithStdin(String stdin, String... args) {
    synchronized (STDIN_LOCK) {
      InputStream saved = System.in;
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      try {
        return run(args);
      } finally {
        System.setIn(saved);
      }
    }
  }

  /** Builds the arguments of {@code hawser play BOOK -i INV --known-hosts KH EXTRA...}. */
  public static String[] play(Object playbook, TestInventory inv, String... extra) {
    List<String> args = new ArrayList<>(List.of("play", playbook.toString(), "-i", inv.inventory().toString(),
        "--known-hosts", inv.knownHosts().toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** stdout and stderr together. */
  public String all() {
    return out + err;
  }

  /** For assertion messages: exit code and both streams. */
  public String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** The PLAY RECAP line of {@code host}; fails when there is none. */
  public Recap recap(String host) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(host) + "\\s+: (ok=.*)$").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no recap line for " + host + "\n" + describe());
    }
    return Recap.parse(m.group(1));
  }

  /** The whole recap line of {@code host}, trimmed ("h : ok=1 changed=0 ..."). */
  public String recapLine(String host) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(host) + "\\s+: ok=.*$").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no recap line for " + host + "\n" + describe());
    }
    return m.group().strip();
  }

  /**
   * The first status printed for {@code host} under {@code TASK [task]} (or RUNNING HANDLER):
   * ok, changed, skipping, fatal, failed; null when the task did not run on that host.
   */
  public String status(String task, String host) {
    String section = section(task);
    if (section == null) {
      return null;
    }
    Matcher m = Pattern.compile("(?m)^(ok|changed|skipping|fatal|failed): \\[" + Pattern.quote(host) + "\\]")
        .matcher(section);
    return m.find() ? m.group(1) : null;
  }

  /** The output printed under {@code TASK [task]} (or RUNNING HANDLER [task]) up to the next banner; null if absent. */
  public String section(String task) {
    Matcher m = Pattern.compile("(?m)^(TASK|RUNNING HANDLER) \\[" + Pattern.quote(task) + "\\] \\*+$").matcher(out);
    if (!m.find()) {
      return null;
    }
    int end = out.length();
    Matcher next = Pattern.compile("(?m)^(TASK|RUNNING HANDLER|PLAY|PLAY RECAP) \\[?.*\\*+$").matcher(out);
    if (next.find(m.end())) {
      end = next.start();
    }
    return out.substring(m.end(), end);
  }

  /** Task and handler names in the order their banners were printed. */
  public List<String> banners() {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(?:TASK|RUNNING HANDLER) \\[(.*)\\] \\*+$").matcher(out);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** One host's PLAY RECAP counters. */
  public record Recap(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
    static Recap parse(String counters) {
      int[] v = new int[7];
      String[] keys = {"ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"};
      for (int i = 0; i < keys.length; i++) {
        Matcher m = Pattern.compile("\\b" + keys[i] + "=(\\d+)").matcher(counters);
        if (!m.find()) {
          throw new AssertionError("no " + keys[i] + "= in recap: " + counters);
        }
        v[i] = Integer.parseInt(m.group(1));
      }
      return new Recap(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
  }
}
