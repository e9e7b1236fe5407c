package dev.hawser.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hawser} command: subcommands delegate to the engine. Tests call {@link #run} in-process. */
@Command(name = "hawser", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Agentless automation: runs Ansible-style playbooks over SSH.",
    subcommands = {PlayCommand.class, InventoryCommand.class, DocCommand.class})
public final class Cli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: play, inventory or doc");
  }

  /** Runs the CLI with the given streams; returns the exit code (see {@link ExitCodes}). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExpandAtFiles(false); // "-e @vars.yml" is a file of extra vars, not a picocli argument file
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExitCodeExceptionMapper(e -> ExitCodes.INVALID_INPUT);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("ERROR! " + ex.getMessage());
      err.println("Try 'hawser " + (ex.getCommandLine().getCommandName().equals("hawser") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCodes.INVALID_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      boolean trace = java.util.Arrays.asList(args).contains("-vvv") || java.util.Arrays.asList(args).contains("-vvvv");
      err.println("ERROR! internal error: " + ex + (trace ? "" : " (run with -vvv for details)"));
      if (trace) {
        ex.printStackTrace(err);
      }
      return ExitCodes.INTERNAL_ERROR;
    });
    Streams.set(out, err);
    return cl.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"hawser " + (v == null ? "dev" : v)};
    }
  }
}
