package dev.hawser.engine.report;

import dev.hawser.engine.spi.Diff;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Live output in the shape of Ansible's default callback: PLAY/TASK banners, one line per host
 * result, loop items, --diff hunks, -v result JSON, warnings and the PLAY RECAP, byte for byte
 * (with Ansible's colours when {@code color} is on).
 *
 * <p>Conventions with the engine:
 * <ul>
 *   <li>A result whose map holds {@code "_hawser_show": true} with status OK is shown as
 *       Ansible shows debug: an indented JSON block of {@code msg}, or of the other keys when
 *       there is no {@code msg}. With {@code "_hawser_verbosity": N} above the run's
 *       verbosity it shows as Ansible's {@code skipping: [h]} instead (the engine should count
 *       it as skipped). Keys starting with {@code _hawser_} or {@code _ansible_} are never
 *       printed.
 *   <li>A host that had {@link #itemResult}s in a task gets no second ok/changed/failed line from
 *       {@link #hostResult}, as in Ansible; only {@code ...ignoring}, {@code skipping: [h]} or an
 *       unreachable line. no_log loops are the exception: Ansible prints the task line then.
 *   <li>In check mode with -v, {@link HostResult#plannedSteps()} follow the host line as
 *       {@code "    would run: STEP"} (Hawser's own addition).
 *   <li>When interrupted, {@code " [ERROR]: User interrupted execution"} goes to the error
 *       stream as Ansible prints it; unlike Ansible, the recap still follows.
 * </ul>
 * Hosts are sorted by name in the recap, as Ansible sorts them. All output is serialized, so
 * results may arrive from several threads.
 */
public final class ConsoleReporter implements RunListener {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean color;
  private final int verbosity;
  private final boolean diff;
  private final Object lock = new Object();
  private final Set<String> loopedHosts = new HashSet<>();
  private final Set<String> warned = new HashSet<>();
  private boolean checkMode;

  public ConsoleReporter(PrintStream out, boolean color, int verbosity, boolean diff) {
    this(out, out, color, verbosity, diff);
  }

  /** {@code err} receives warnings and errors, as Ansible writes them to stderr. */
  public ConsoleReporter(PrintStream out, PrintStream err, boolean color, int verbosity,
      boolean diff) {
    this.out = out;
    this.err = err;
    this.color = color;
    this.verbosity = verbosity;
    this.diff = diff;
  }

  /**
   * Whether to colour: never with NO_COLOR set (any value); always with FORCE_COLOR or
   * ANSIBLE_FORCE_COLOR set to something other than 0/false/no/off; else only on a terminal.
   */
  public static boolean colorWanted(Map<String, String> env, boolean isTty) {
    return Ansi.wanted(env, isTty);
  }

  @Override
  public void playbookStart(String path, boolean checkMode) {
    synchronized (lock) {
      this.checkMode = checkMode;
    }
  }

  @Override
  public void playStart(String name) {
    String n = name == null ? "" : name.strip();
    synchronized (lock) {
      emit("\n" + Banners.banner(n.isEmpty() ? "PLAY" : "PLAY [" + n + "]"), null);
    }
  }

  @Override
  public void taskStart(String name, boolean handler) {
    String n = name == null ? "" : name.strip();
    synchronized (lock) {
      loopedHosts.clear();
      emit("\n" + Banners.banner((handler ? "RUNNING HANDLER [" : "TASK [") + n + "]"), null);
    }
  }

  @Override
  public void itemResult(HostResult result) {
    HostResult r = ResultView.applyThreshold(result, verbosity);
    String head = ResultView.head(r);
    String item = "(item=" + ResultView.itemLabel(r) + ")";
    synchronized (lock) {
      loopedHosts.add(r.host());
      switch (r.status()) {
        case OK, CHANGED -> okLine(r, word(r) + ": " + head + " => " + item);
        case SKIPPED -> emit("skipping: " + head + " => " + item + " " + verboseJson(r), Ansi.SKIP);
        default -> emit("failed: " + head + " " + item + " => " + json(r), Ansi.ERROR);
      }
      planned(r);
    }
  }

  @Override
  public void hostResult(HostResult result) {
    HostResult r = ResultView.applyThreshold(result, verbosity);
    String head = ResultView.head(r);
    synchronized (lock) {
      boolean looped = loopedHosts.remove(r.host()) && !r.noLog();
      switch (r.status()) {
        case OK, CHANGED -> {
          if (r.result() != null && r.result().get("_hawser_included") != null) {
            emit("included: " + r.result().get("_hawser_included") + " for " + r.host(), Ansi.SKIP);
          } else if (!looped) {
            okLine(r, word(r) + ": " + head);
          }
        }
        case SKIPPED -> emit("skipping: " + head + verboseJson(r), Ansi.SKIP);
        case UNREACHABLE -> emit("fatal: " + head + ": UNREACHABLE! => " + json(r), Ansi.UNREACHABLE);
        default -> {
          if (!looped) {
            emit("fatal: " + head + ": FAILED! => " + json(r), Ansi.ERROR);
          }
          if (r.status() == Status.IGNORED) {
            emit("...ignoring", Ansi.SKIP);
          }
        }
      }
      if (!looped) {
        planned(r);
      }
    }
  }

  @Override
  public void warning(String msg) {
    synchronized (lock) {
      if (warned.add(msg)) {
        printErr(String.join("\n", TextWrap.wrap("[WARNING]: " + msg, Banners.COLUMNS)), Ansi.WARN);
      }
    }
  }

  @Override
  public void verbose(int level, String msg) {
    if (verbosity >= level) {
      synchronized (lock) {
        emit(msg, Ansi.VERBOSE);
      }
    }
  }

  @Override
  public void playbookEnd(Map<String, HostStats> recap, boolean interrupted) {
    synchronized (lock) {
      if (interrupted) {
        printErr(String.join("\n",
            TextWrap.wrap("\n[ERROR]: User interrupted execution", Banners.COLUMNS)), Ansi.ERROR);
      }
      emit("\n" + Banners.banner("PLAY RECAP"), null);
      Banners.recap(recap, color).forEach(line -> emit(line, null));
      emit("", null);
    }
  }

  /** ok/changed line, a debug block, or the -v JSON; --diff hunks go before it, as in Ansible. */
  private void okLine(HostResult r, String line) {
    String code = r.status() == Status.CHANGED ? Ansi.CHANGED : Ansi.OK;
    if (r.status() == Status.CHANGED) {
      diffs(r);
    }
    if (ResultView.isShow(r) && r.status() == Status.OK && !r.noLog()) {
      emit(line + " => " + PyJson.indented(ResultView.debugBlock(r)), code);
    } else {
      emit(line + verboseJson(r), code);
    }
  }

  private static String word(HostResult r) {
    return r.status().name().toLowerCase(Locale.ROOT);
  }

  private String verboseJson(HostResult r) {
    return verbosity > 0 ? " => " + json(r) : "";
  }

  private String json(HostResult r) {
    return PyJson.oneLine(ResultView.forDisplay(r, verbosity));
  }

  private void diffs(HostResult r) {
    if (!diff || r.noLog() || r.diffs() == null) {
      return;
    }
    for (Diff d : r.diffs()) {
      out.print(UnifiedDiff.render(d, color));
    }
    out.flush();
  }

  private void planned(HostResult r) {
    if (checkMode && verbosity >= 1 && !r.noLog() && r.plannedSteps() != null) {
      r.plannedSteps().forEach(step -> emit("    would run: " + step, null));
    }
  }

  /** Ansible's Display.display: colour each line, end with exactly one newline. */
  private void emit(String text, String code) {
    print(out, text, code);
  }

  private void printErr(String text, String code) {
    print(err, text, code);
  }

  private void print(PrintStream stream, String text, String code) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    stream.print((color && code != null ? Ansi.stringc(body, code) : body) + "\n");
    stream.flush();
  }
}
