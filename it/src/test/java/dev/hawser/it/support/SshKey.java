package dev.hawser.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * An ed25519 key pair generated in Java (no host ssh-keygen needed) and written to a directory as an
 * unencrypted OpenSSH private key file {@code id_ed25519} (mode 0600) plus {@code id_ed25519.pub}.
 */
public final class SshKey {
  private final KeyPair keyPair;
  private final Path privateKey;
  private final String publicKeyLine;

  private SshKey(KeyPair keyPair, Path privateKey, String publicKeyLine) {
    this.keyPair = keyPair;
    this.privateKey = privateKey;
    this.publicKeyLine = publicKeyLine;
  }

  /** Generates a key pair into a new temporary directory. */
  public static SshKey generate() {
    try {
      return generate(Files.createTempDirectory("hawser-it-key-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generates a key pair into {@code dir} (created if missing) as id_ed25519 and id_ed25519.pub. */
  public static SshKey generate(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      String comment = "hawser-it";
      Path priv = dir.resolve("id_ed25519");
      Files.deleteIfExists(priv);
      Files.createFile(priv);
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      try (OutputStream out = Files.newOutputStream(priv)) {
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, comment, null, out);
      }
      String pub = PublicKeyEntry.toString(kp.getPublic()) + " " + comment;
      Files.writeString(dir.resolve("id_ed25519.pub"), pub + "\n");
      return new SshKey(kp, priv, pub);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an ed25519 key pair", e);
    }
  }

  /** The in-memory key pair (e.g. for a MINA client's addPublicKeyIdentity). */
  public KeyPair keyPair() {
    return keyPair;
  }

  /** The OpenSSH private key file (unencrypted, mode 0600). */
  public Path privateKey() {
    return privateKey;
  }

  /** The authorized_keys line: {@code ssh-ed25519 AAAA... hawser-it}. */
  public String publicKeyLine() {
    return publicKeyLine;
  }
}
