package dev.hawser.engine.connect;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Key generation and OpenSSH-format key files for tests. */
final class TestKeys {
  private TestKeys() {}

  static KeyPair ed25519() throws Exception {
    return KeyUtils.generateKeyPair("ssh-ed25519", 256);
  }

  static KeyPair rsa() throws Exception {
    return KeyUtils.generateKeyPair("ssh-rsa", 2048);
  }

  static KeyPair ecdsa() throws Exception {
    return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
  }

  /** Writes {@code key} as an OpenSSH private key file, encrypted if {@code passphrase} is not null. */
  static Path write(KeyPair key, Path file, String passphrase) throws Exception {
    Files.createDirectories(file.getParent());
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setPassword(passphrase);
      encryption.setCipherName("AES");
      encryption.setCipherMode("CTR");
      encryption.setCipherType("256");
      encryption.setKdfRounds(4); // fast tests; the format is the same
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", encryption, out);
    }
    return file;
  }
}
