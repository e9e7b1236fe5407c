package dev.hawser.engine.connect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant reader of the OpenSSH client config: Host blocks with glob and negated patterns, Include
 * (globs, relative to the config's directory, missing files ignored), and Match blocks skipped instead of
 * rejected. As in OpenSSH the first value found for a host wins, except IdentityFile which accumulates.
 */
final class SshConfig {
  private static final int MAX_INCLUDE_DEPTH = 16;

  /** Which hosts a directive applies to: {@code patterns == null} means every host. */
  private record Scope(List<String> patterns, boolean matchBlock) {
    static final Scope ALL = new Scope(null, false);

    boolean appliesTo(String host) {
      if (matchBlock) {
        return false;
      }
      return patterns == null || HostPatterns.matches(host, patterns);
    }
  }

  private record Directive(Scope scope, String key, List<String> args) {}

  private final List<Directive> directives;
  private final Path home;

  private SshConfig(List<Directive> directives, Path home) {
    this.directives = directives;
    this.home = home;
  }

  static SshConfig empty(Path home) {
    return new SshConfig(List.of(), home);
  }

  /** Reads {@code file}; a missing or unreadable file gives an empty config. */
  static SshConfig load(Path file, Path home) {
    List<Directive> out = new ArrayList<>();
    new Reader(home, file.toAbsolutePath().getParent(), out).read(file, Scope.ALL, 0);
    return new SshConfig(List.copyOf(out), home);
  }

  /** The options that apply to {@code host} (the alias as written by the user). */
  HostSettings settingsFor(String host) {
    Map<String, List<String>> first = new LinkedHashMap<>();
    List<String> identities = new ArrayList<>();
    for (Directive d : directives) {
      if (!d.scope().appliesTo(host) || d.args().isEmpty()) {
        continue;
      }
      if (d.key().equals("identityfile")) {
        identities.add(d.args().get(0));
      } else {
        first.putIfAbsent(d.key(), d.args());
      }
    }
    return HostSettings.from(host, first, identities, home);
  }

  /** Parses one file (and its includes) into directives, in order. */
  private static final class Reader {
    private final Path home;
    private final Path baseDir;
    private final List<Directive> out;

    Reader(Path home, Path baseDir, List<Directive> out) {
      this.home = home;
      this.baseDir = baseDir;
      this.out = out;
    }

    void read(Path file, Scope scope, int depth) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException | RuntimeException e) {
        return; // missing or unreadable: OpenSSH ignores a missing Include, and so do we for the main file
      }
      for (String raw : lines) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
          end++;
        }
        String key = line.substring(0, end).toLowerCase(Locale.ROOT);
        String rest = line.substring(end).strip();
        if (rest.startsWith("=")) {
          rest = rest.substring(1).strip();
        }
        List<String> args = ConfigTokens.split(rest);
        switch (key) {
          case "host" -> scope = new Scope(args, false);
          case "match" -> scope = new Scope(List.of(), true);
          case "include" -> {
            if (depth < MAX_INCLUDE_DEPTH) {
              for (String pattern : args) {
                for (Path included : expandInclude(pattern)) {
                  read(included, scope, depth + 1);
                }
              }
            }
          }
          default -> out.add(new Directive(scope, key, args));
        }
      }
    }

    private List<Path> expandInclude(String pattern) {
      Path path = ConfigTokens.expandHome(pattern, home);
      if (!path.isAbsolute()) {
        path = baseDir.resolve(path);
      }
      Path name = path.getFileName();
      Path dir = path.getParent();
      if (name == null || dir == null || !ConfigTokens.hasGlob(name.toString())) {
        return List.of(path);
      }
      List<Path> matches = new ArrayList<>();
      try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, name.toString())) {
        found.forEach(matches::add);
      } catch (IOException | RuntimeException e) {
        return List.of();
      }
      matches.sort(null);
      return matches;
    }
  }
}
