package dev.hawser.cli;

import dev.hawser.engine.connect.SshConnector;
import dev.hawser.engine.connect.SshOptions;
import dev.hawser.engine.exec.ModuleRegistry;
import dev.hawser.engine.exec.PlaybookRunner;
import dev.hawser.engine.exec.RunOptions;
import dev.hawser.engine.exec.RunSummary;
import dev.hawser.engine.playbook.Playbook;
import dev.hawser.engine.playbook.PlaybookException;
import dev.hawser.engine.playbook.PlaybookParser;
import dev.hawser.engine.report.ConsoleReporter;
import dev.hawser.engine.report.JsonReport;
import dev.hawser.engine.report.JunitReport;
import dev.hawser.engine.report.Listeners;
import dev.hawser.engine.report.RunListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Wires one `hawser play` run: parse, load inventory, connect, run, report, exit code. */
final class PlayRunner {
  private final PlayCommand cmd;

  PlayRunner(PlayCommand cmd) {
    this.cmd = cmd;
  }

  int run() {
    PrintStream out = Streams.out();
    PrintStream err = Streams.err();
    ModuleRegistry modules = ModuleRegistry.load();
    Playbook playbook;
    RunOptions options;
    InventoryHosts inventory;
    try {
      if (!cmd.playbook.toFile().isFile()) {
        throw new CliException("the playbook " + cmd.playbook + " could not be found");
      }
      playbook = new PlaybookParser(modules).parse(cmd.playbook);
      inventory = InventoryHosts.load(cmd.inventory, playbook.dir(), cmd.limit);
      inventory.warnings().forEach(w -> err.println("[WARNING]: " + w));
      if (cmd.limit != null && inventory.select("all:localhost").isEmpty()) {
        throw new CliException("Specified --limit '" + cmd.limit + "' does not match any hosts");
      }
      if (cmd.syntaxCheck) {
        out.println("\nplaybook: " + cmd.playbook);
        return ExitCodes.OK;
      }
      options = cmd.options(cmd.askBecomePass ? Prompts.becomePassword() : System.getenv("HAWSER_BECOME_PASSWORD"));
    } catch (PlaybookException | CliException e) {
      err.println("ERROR! " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    boolean color = ConsoleReporter.colorWanted(System.getenv(), System.console() != null && out == System.out);
    List<RunListener> listeners = new ArrayList<>();
    listeners.add(new ConsoleReporter(out, err, color, options.verbosity(), options.diff()));
    if (cmd.reportJson != null) {
      listeners.add(new JsonReport(cmd.reportJson));
    }
    if (cmd.junit != null) {
      listeners.add(new JunitReport(cmd.junit));
    }
    try (Connections connections = new Connections(new SshConnector(SshOptions.defaults(Prompts::keyPassphrase)))) {
      PlaybookRunner runner = new PlaybookRunner(options, new Listeners(listeners), modules, connections);
      Interrupts.onCtrlC(runner::interrupt);
      RunSummary summary = runner.run(playbook, inventory);
      return ExitCodes.of(summary);
    } catch (PlaybookException e) {
      err.println("ERROR! " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
  }
}
