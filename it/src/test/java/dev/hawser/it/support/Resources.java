package dev.hawser.it.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests use: playbooks under it/src/test/resources/playbooks, and the repository's own. */
public final class Resources {
  private Resources() {}

  /** A test playbook (or a file beside them), from the test class path. */
  public static Path playbook(String name) {
    URL url = Resources.class.getResource("/playbooks/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource playbooks/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The repository root: the system property {@code hawser.root} (set by it/pom.xml to Maven's
   * multi-module directory), or one of its parents, whichever holds playbooks/basics.yml. Running
   * Maven inside it/ sets the property to it/ itself, hence the parent search.
   */
  public static Path repoRoot() {
    String prop = System.getProperty("hawser.root");
    Path start = prop == null || prop.isBlank() ? Path.of("").toAbsolutePath() : Path.of(prop).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("playbooks/basics.yml")) && Files.isDirectory(p.resolve("inventory"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root (playbooks/basics.yml) from " + start);
  }

  /** A file of the repository, e.g. {@code repo("playbooks/basics.yml")}. */
  public static Path repo(String relative) {
    return repoRoot().resolve(relative);
  }
}
