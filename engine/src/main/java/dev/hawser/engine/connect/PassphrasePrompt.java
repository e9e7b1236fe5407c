package dev.hawser.engine.connect;

import java.nio.file.Path;

/** Asks the user for the passphrase of an encrypted private key; returns null when none is available. */
@FunctionalInterface
public interface PassphrasePrompt {
  PassphrasePrompt NONE = keyFile -> null;

  String passphraseFor(Path keyFile);
}
