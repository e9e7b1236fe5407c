package dev.hawser.engine.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private keys (OpenSSH and PEM formats). The passphrase of an encrypted key comes from the
 * connection spec, else HAWSER_SSH_KEY_PASSPHRASE, else the interactive prompt. Decoded keys are cached
 * per file so that opening many hosts in parallel prompts at most once per key.
 */
final class IdentityLoader {
  private final String envPassphrase;
  private final PassphrasePrompt prompt;
  private final Map<Path, List<KeyPair>> cache = new ConcurrentHashMap<>();

  IdentityLoader(Map<String, String> env, PassphrasePrompt prompt) {
    this.envPassphrase = env.get(SshOptions.PASSPHRASE_ENV);
    this.prompt = prompt;
  }

  /** Loads each file; a missing file is skipped unless {@code required}. */
  List<KeyPair> load(List<Path> files, String specPassphrase, boolean required) throws UnreachableException {
    List<KeyPair> keys = new ArrayList<>();
    for (Path file : files) {
      keys.addAll(loadOne(file.toAbsolutePath().normalize(), specPassphrase, required));
    }
    return keys;
  }

  // Serialised so that a prompt for one key is not shown many times by hosts opening in parallel.
  private synchronized List<KeyPair> loadOne(Path file, String specPassphrase, boolean required)
      throws UnreachableException {
    List<KeyPair> cached = cache.get(file);
    if (cached != null) {
      return cached;
    }
    if (!Files.exists(file)) {
      if (required) {
        throw new UnreachableException("identity file " + file + " not found");
      }
      return List.of();
    }
    AtomicBoolean asked = new AtomicBoolean();
    AtomicBoolean supplied = new AtomicBoolean();
    FilePasswordProvider passwords = (session, resource, retry) -> {
      asked.set(true);
      String p = passphrase(file, specPassphrase);
      supplied.set(p != null);
      return p;
    };
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, passwords);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
    } catch (NoSuchFileException e) {
      throw new UnreachableException("identity file " + file + " not found");
    } catch (Exception e) {
      throw new UnreachableException(failure(file, asked.get(), supplied.get(), e));
    }
    if (keys.isEmpty()) {
      if (asked.get() && !supplied.get()) {
        throw new UnreachableException(failure(file, true, false, null));
      }
      throw new UnreachableException("identity file " + file + " holds no private key Hawser can read");
    }
    List<KeyPair> result = List.copyOf(keys);
    cache.put(file, result);
    return result;
  }

  /** The passphrase for {@code file} from the environment or the prompt (used for ProxyJump keys). */
  String passphraseFor(Path file) {
    return passphrase(file, null);
  }

  private String passphrase(Path file, String specPassphrase) {
    if (specPassphrase != null) {
      return specPassphrase;
    }
    if (envPassphrase != null) {
      return envPassphrase;
    }
    return prompt.passphraseFor(file);
  }

  private static String failure(Path file, boolean asked, boolean supplied, Exception e) {
    if (asked && supplied) {
      return "wrong passphrase for key " + file;
    }
    if (asked) {
      return "key " + file + " is encrypted and no passphrase was given (set " + SshOptions.PASSPHRASE_ENV + ")";
    }
    String why = e == null || e.getMessage() == null ? "unsupported format" : e.getMessage().strip();
    return "cannot read key " + file + ": " + why.lines().findFirst().orElse(why);
  }
}
