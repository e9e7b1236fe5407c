package dev.hawser.engine.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads Ansible inventory sources: INI or YAML files, directories of them, and "h1,h2" host lists. */
public final class InventoryLoader {

  /** Ansible's IGNORED_ALWAYS plus the default INVENTORY_IGNORE_EXTS (which include .ini and .cfg). */
  private static final Pattern IGNORED_IN_DIRECTORY = Pattern.compile(
      "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
          + "|(\\.pyc|\\.pyo|\\.swp|\\.bak|~|\\.rpm|\\.md|\\.txt|\\.rst|\\.orig|\\.ini|\\.cfg|\\.retry)$");
  private static final List<String> YAML_EXTENSIONS = List.of(".yml", ".yaml", ".json");

  /**
   * Loads the sources in order into one inventory. group_vars/ and host_vars/ are read beside each
   * file or directory source and then beside playbookDir (may be null), which therefore wins.
   */
  public Inventory load(List<String> sources, Path playbookDir) {
    InventoryBuilder builder = new InventoryBuilder();
    List<Path> varsBases = new ArrayList<>();
    for (String source : sources) {
      Path path = Path.of(source).toAbsolutePath().normalize();
      if (!Files.exists(path) && source.contains(",")) {
        hostList(source, builder);
        continue;
      }
      if (!Files.exists(path)) {
        throw new InventoryException(source + ": inventory source not found");
      }
      varsBases.add(Files.isDirectory(path) ? path : path.getParent());
      loadPath(path, builder);
    }
    List<String> groups = builder.groupNames();
    List<String> hosts = builder.hostNames();
    List<VarsDir> inventoryVars = varsBases.stream().map(b -> VarsDir.load(b, groups, hosts)).toList();
    List<VarsDir> playbookVars = playbookDir == null ? List.of()
        : List.of(VarsDir.load(playbookDir.toAbsolutePath().normalize(), groups, hosts));
    return builder.build(inventoryVars, playbookVars);
  }

  private static void hostList(String source, InventoryBuilder builder) {
    for (String item : source.split(",")) {
      String entry = item.strip();
      if (!entry.isEmpty()) {
        HostRanges.Address address = HostRanges.parseAddress(entry);
        builder.host(address.name(), builder.group("ungrouped"), address.port(), null);
      }
    }
  }

  private static void loadPath(Path path, InventoryBuilder builder) {
    if (!Files.isDirectory(path)) {
      loadFile(path, builder);
      return;
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(path)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new InventoryException(path + ": cannot list directory: " + e.getMessage());
    }
    for (Path entry : entries) {
      if (!IGNORED_IN_DIRECTORY.matcher(entry.getFileName().toString()).find()) {
        loadPath(entry, builder);
      }
    }
  }

  private static void loadFile(Path file, InventoryBuilder builder) {
    String text = YamlFiles.readText(file);
    String ext = VarsDir.extension(file.getFileName().toString()).toLowerCase(Locale.ROOT);
    boolean yaml = YAML_EXTENSIONS.contains(ext) || (ext.isEmpty() && YamlInventory.looksLikeYaml(file, text));
    if (yaml) {
      YamlInventory.parse(file, text, builder);
    } else {
      IniInventory.parse(file, text, builder);
    }
  }
}
