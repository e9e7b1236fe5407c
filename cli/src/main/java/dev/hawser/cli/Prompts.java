package dev.hawser.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Asks for secrets on the terminal without echo (or reads one line from stdin when there is none). */
final class Prompts {
  private Prompts() {}

  static String becomePassword() throws CliException {
    return ask("BECOME password: ");
  }

  static String keyPassphrase(Path key) {
    try {
      return ask("Enter passphrase for key '" + key + "': ");
    } catch (CliException e) {
      return null;
    }
  }

  private static synchronized String ask(String prompt) throws CliException {
    Console c = System.console();
    if (c != null) {
      char[] pw = c.readPassword("%s", prompt);
      if (pw == null) {
        throw new CliException("no password given");
      }
      return new String(pw);
    }
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new CliException("no password given on stdin");
      }
      return line;
    } catch (IOException e) {
      throw new CliException("cannot read password: " + e.getMessage());
    }
  }
}
