package dev.hawser.engine.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@link SshConnector} finds the user's ssh setup. Tests point {@code home} at a temp dir so the
 * real ~/.ssh is never read; {@code env} supplies SSH_AUTH_SOCK and HAWSER_SSH_KEY_PASSPHRASE.
 */
public record SshOptions(
    Path home, Path sshConfig, Path knownHosts, PassphrasePrompt prompt, Map<String, String> env) {

  public static final String PASSPHRASE_ENV = "HAWSER_SSH_KEY_PASSPHRASE";
  public static final String AUTH_SOCK_ENV = "SSH_AUTH_SOCK";

  public SshOptions {
    Objects.requireNonNull(home, "home");
    sshConfig = sshConfig != null ? sshConfig : home.resolve(".ssh/config");
    knownHosts = knownHosts != null ? knownHosts : home.resolve(".ssh/known_hosts");
    prompt = prompt != null ? prompt : PassphrasePrompt.NONE;
    env = env != null ? Map.copyOf(env) : Map.of();
  }

  /** The real user's ~/.ssh and environment. */
  public static SshOptions defaults(PassphrasePrompt prompt) {
    return forHome(Path.of(System.getProperty("user.home")), System.getenv(), prompt);
  }

  /** ~/.ssh/config and ~/.ssh/known_hosts under {@code home}. */
  public static SshOptions forHome(Path home, Map<String, String> env, PassphrasePrompt prompt) {
    return new SshOptions(home, null, null, prompt, env);
  }

  @Override
  public String toString() {
    return "SshOptions[home=" + home + ", config=" + sshConfig + ", knownHosts=" + knownHosts + "]";
  }
}
