package dev.hawser.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary INI inventory plus a known_hosts file for some {@link SshHost}s.
 *
 * <pre>{@code
 * TestInventory inv = TestInventory.of(web1, web2);              // ungrouped, user root
 * TestInventory inv = TestInventory.builder().dir(tmp)
 *     .group("web", web1, web2).group("db", db1)
 *     .user("deploy").becomePassword(SshHost.DEPLOY_PASSWORD).write();
 * inv.inventory();   // hosts.ini
 * inv.knownHosts();  // known_hosts: "[127.0.0.1]:PORT TYPE AAAA..." for every host key of every host
 * }</pre>
 *
 * Each host line reads {@code NAME ansible_host=127.0.0.1 ansible_port=PORT ansible_user=USER
 * ansible_ssh_private_key_file=/abs/id_ed25519} (+ {@code ansible_become_password=...} if set).
 */
public final class TestInventory {
  private final Path dir;
  private final Path inventory;
  private final Path knownHosts;
  private final String text;

  private TestInventory(Path dir, Path inventory, Path knownHosts, String text) {
    this.dir = dir;
    this.inventory = inventory;
    this.knownHosts = knownHosts;
    this.text = text;
  }

  /** Ungrouped hosts, user root, written to a new temporary directory. */
  public static TestInventory of(SshHost... hosts) {
    return builder().hosts(hosts).write();
  }

  /** Ungrouped hosts, user root, written to a new temporary directory. */
  public static TestInventory of(List<SshHost> hosts) {
    return builder().hosts(hosts.toArray(SshHost[]::new)).write();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The directory holding both files. */
  public Path dir() {
    return dir;
  }

  /** The INI inventory file ({@code hosts.ini}). */
  public Path inventory() {
    return inventory;
  }

  /** The known_hosts file ({@code known_hosts}). */
  public Path knownHosts() {
    return knownHosts;
  }

  /** The inventory's text, for failure messages. */
  public String text() {
    return text;
  }

  /** Deletes the directory with both files (best effort). */
  public void delete() {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }

  @Override
  public String toString() {
    return "TestInventory[" + inventory + "]\n" + text;
  }

  public static final class Builder {
    private Path dir;
    private String user = SshHost.ROOT_USER;
    private String becomePassword;
    private final List<SshHost> ungrouped = new ArrayList<>();
    private final Map<String, List<SshHost>> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> groupVars = new LinkedHashMap<>();

    private Builder() {}

    /** Where to write (created if missing); default a new temporary directory. */
    public Builder dir(Path dir) {
      this.dir = dir;
      return this;
    }

    /** ansible_user for every host (default root). */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** Adds ansible_become_password to every host line (e.g. {@link SshHost#DEPLOY_PASSWORD}). */
    public Builder becomePassword(String password) {
      this.becomePassword = password;
      return this;
    }

    /** Hosts outside any group (listed before the first [group]). */
    public Builder hosts(SshHost... hosts) {
      ungrouped.addAll(List.of(hosts));
      return this;
    }

    public Builder group(String group, SshHost... hosts) {
      groups.computeIfAbsent(group, g -> new ArrayList<>()).addAll(List.of(hosts));
      return this;
    }

    /** An extra variable on one host's line (value written as is: no spaces). */
    public Builder hostVar(SshHost host, String key, String value) {
      hostVars.computeIfAbsent(host.name(), h -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    /** A variable in a {@code [group:vars]} section. */
    public Builder groupVar(String group, String key, String value) {
      groupVars.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    public TestInventory write() {
      try {
        Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hawser-it-inv-");
        StringBuilder ini = new StringBuilder();
        Map<String, SshHost> all = new LinkedHashMap<>();
        for (SshHost h : ungrouped) {
          ini.append(line(h)).append('\n');
          all.put(h.name(), h);
        }
        for (Map.Entry<String, List<SshHost>> g : groups.entrySet()) {
          ini.append(ini.length() > 0 ? "\n" : "").append('[').append(g.getKey()).append("]\n");
          for (SshHost h : g.getValue()) {
            // a host in several groups carries its vars on its first line only
            ini.append(all.containsKey(h.name()) ? h.name() : line(h)).append('\n');
            all.put(h.name(), h);
          }
        }
        for (Map.Entry<String, Map<String, String>> gv : groupVars.entrySet()) {
          ini.append(ini.length() > 0 ? "\n" : "").append('[').append(gv.getKey()).append(":vars]\n");
          gv.getValue().forEach((k, v) -> ini.append(k).append('=').append(v).append('\n'));
        }
        StringBuilder kh = new StringBuilder();
        for (SshHost h : all.values()) {
          for (String line : h.hostKeyLines()) {
            kh.append(line).append('\n');
          }
        }
        Path inv = d.resolve("hosts.ini");
        Path known = d.resolve("known_hosts");
        Files.writeString(inv, ini.toString());
        Files.writeString(known, kh.toString());
        return new TestInventory(d, inv, known, ini.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String line(SshHost h) {
      StringBuilder s = new StringBuilder(h.name())
          .append(" ansible_host=").append(h.host())
          .append(" ansible_port=").append(h.port())
          .append(" ansible_user=").append(user)
          .append(" ansible_ssh_private_key_file=").append(h.privateKey().toAbsolutePath());
      if (becomePassword != null) {
        s.append(" ansible_become_password=").append(becomePassword);
      }
      hostVars.getOrDefault(h.name(), Map.of()).forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
      return s.toString();
    }
  }
}
