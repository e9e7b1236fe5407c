package dev.hawser.cli;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import dev.hawser.engine.exec.ModuleRegistry;
import dev.hawser.engine.exec.PlaybookRunner;
import dev.hawser.engine.exec.RunOptions;
import dev.hawser.engine.exec.RunSummary;
import dev.hawser.engine.playbook.Playbook;
import dev.hawser.engine.playbook.PlaybookParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hawser play PLAYBOOK}: ansible-playbook's options, same meanings. */
@Command(name = "play", description = "Run a playbook against an inventory.", mixinStandardHelpOptions = true)
final class PlayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PLAYBOOK", description = "Playbook file (YAML).")
  Path playbook;

  @Option(names = {"-i", "--inventory"}, description = "Inventory file, directory or comma list (repeatable).")
  List<String> inventory = new ArrayList<>();

  @Option(names = {"-e", "--extra-vars"}, description = "k=v pairs, YAML/JSON, or @file (repeatable).")
  List<String> extraVars = new ArrayList<>();

  @Option(names = {"-C", "--check"}, description = "Change nothing; report what would change.")
  boolean check;

  @Option(names = {"-D", "--diff"}, description = "Show differences in files and permissions.")
  boolean diff;

  @Option(names = {"-f", "--forks"}, defaultValue = "25", description = "Hosts worked on in parallel (default ${DEFAULT-VALUE}).")
  int forks;

  @Option(names = {"-t", "--tags"}, description = "Only tasks with these tags.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--skip-tags", description = "Skip tasks with these tags.")
  List<String> skipTags = new ArrayList<>();

  @Option(names = "--start-at-task", description = "Start at the task with this name.")
  String startAtTask;

  @Option(names = {"-l", "--limit"}, description = "Further limit hosts with a pattern.")
  String limit;

  @Option(names = {"-u", "--user"}, description = "Connect as this user.")
  String user;

  @Option(names = {"--private-key", "--key-file"}, description = "SSH private key file.")
  Path privateKey;

  @Option(names = {"-b", "--become"}, description = "Run tasks with privilege escalation (sudo).")
  Boolean become;

  @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the become (sudo) password.")
  boolean askBecomePass;

  @Option(names = "--known-hosts", description = "known_hosts file to check host keys against.")
  Path knownHosts;

  @Option(names = "--host-key-checking", description = "strict (default), accept-new or off.")
  String hostKeyChecking;

  @Option(names = {"-T", "--timeout"}, defaultValue = "10", description = "Connection timeout in seconds.")
  int timeout;

  @Option(names = "--report-json", description = "Write a JSON report (per host and task) to this file.")
  Path reportJson;

  @Option(names = "--junit", description = "Write a JUnit XML report to this file.")
  Path junit;

  @Option(names = "--syntax-check", description = "Only check the playbook.")
  boolean syntaxCheck;

  @Option(names = "-v", description = "Verbose (-v, -vv, -vvv).")
  boolean[] verbose = new boolean[0];

  @Override
  public Integer call() {
    return new PlayRunner(this).run();
  }

  RunOptions options(String becomePassword) throws CliException {
    return new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit,
        ExtraVarsOption.parse(extraVars), user, privateKey, become, becomePassword, knownHosts,
        HostKeyCheckingOption.resolve(hostKeyChecking), Duration.ofSeconds(timeout), Duration.ofHours(2),
        verbose.length);
  }
}
