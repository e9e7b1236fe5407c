package dev.hawser.cli;

import dev.hawser.engine.inventory.InventoryJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hawser inventory -i INV --list | --graph [GROUP]}: as ansible-inventory prints them. */
@Command(name = "inventory", description = "Show an inventory as JSON (--list) or a tree (--graph).",
    mixinStandardHelpOptions = true)
final class InventoryCommand implements Callable<Integer> {
  @Option(names = {"-i", "--inventory"}, description = "Inventory file, directory or comma list (repeatable).")
  List<String> inventory = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Parameters(arity = "0..1", paramLabel = "GROUP", description = "Group to graph (default all).")
  String group;

  static final class Mode {
    @Option(names = "--list", description = "All groups, hosts and variables as JSON.")
    boolean list;

    @Option(names = "--graph", description = "The group tree.")
    boolean graph;
  }

  @Override
  public Integer call() {
    try {
      InventoryHosts hosts = InventoryHosts.load(inventory, Path.of("."), null);
      hosts.warnings().forEach(w -> Streams.err().println("[WARNING]: " + w));
      if (mode.list) {
        Streams.out().println(InventoryJson.list(hosts.inventory()));
      } else {
        Streams.out().print(InventoryJson.graph(hosts.inventory(), group == null ? "all" : group));
      }
      return ExitCodes.OK;
    } catch (CliException | dev.hawser.engine.inventory.InventoryException e) {
      Streams.err().println("ERROR! " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
  }
}
