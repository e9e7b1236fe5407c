package dev.hawser.engine.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * An OpenSSH known_hosts file, parsed line by line with MINA's {@link KnownHostEntry} (hashed entries,
 * [host]:port, host lists, markers) so that each match keeps its line number for error messages.
 */
final class KnownHostsFile {
  private static final Map<Path, Object> APPEND_LOCKS = new ConcurrentHashMap<>();

  /** One known key for a host; {@code keyType} is e.g. "ssh-ed25519". */
  record Known(PublicKey key, String keyType, int line, boolean revoked) {}

  private final Path file;

  KnownHostsFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** The keys recorded for {@code host} on {@code port}; the file is re-read on every call. */
  List<Known> entriesFor(String host, int port) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<Known> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Known known = parse(lines.get(i), i + 1, host, port);
      if (known != null) {
        found.add(known);
      }
    }
    return found;
  }

  private static Known parse(String line, int lineNo, String host, int port) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    try {
      KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(trimmed);
      if (entry == null || entry.getKeyEntry() == null || !entry.isHostMatch(host, port)) {
        return null;
      }
      String marker = entry.getMarker();
      if (marker != null && !marker.equalsIgnoreCase("revoked")) {
        return null; // @cert-authority: host certificates are not supported, the line is ignored
      }
      PublicKey key = entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
      if (key == null) {
        return null;
      }
      return new Known(key, KeyUtils.getKeyType(key), lineNo, marker != null);
    } catch (Exception e) {
      return null; // a malformed line is skipped, as OpenSSH does
    }
  }

  /**
   * Appends {@code key} for host:port unless an identical entry appeared meanwhile (several parallel
   * connections may learn the same jump host). Creates the directory (0700) and file (0600) if needed.
   */
  void append(String host, int port, PublicKey key) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    synchronized (APPEND_LOCKS.computeIfAbsent(abs, p -> new Object())) {
      for (Known k : entriesFor(host, port)) {
        if (KeyUtils.compareKeys(k.key(), key)) {
          return;
        }
      }
      Path dir = abs.getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        setPermissions(dir, "rwx------");
      }
      StringBuilder line = new StringBuilder();
      if (Files.exists(abs) && !endsWithNewline(abs)) {
        line.append('\n');
      }
      line.append(KnownHostHashValue.createHostPattern(host, port)).append(' ');
      PublicKeyEntry.appendPublicKeyEntry(line, key);
      line.append('\n');
      if (!Files.exists(abs)) {
        createPrivateFile(abs);
      }
      Files.writeString(abs, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
  }

  private static boolean endsWithNewline(Path p) throws IOException {
    byte[] bytes = Files.readAllBytes(p);
    return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
  }

  private static void createPrivateFile(Path p) throws IOException {
    try {
      Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(p);
    }
  }

  private static void setPermissions(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing more we can do
    }
  }
}
