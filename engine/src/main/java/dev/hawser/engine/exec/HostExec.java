package dev.hawser.engine.exec;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.UnreachableException;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Sh;
import java.io.IOException;
import java.util.Map;

/** Runs commands on a task's host: connection opened once, environment and become applied. */
final class HostExec {
  private final TaskEnv env;

  HostExec(TaskEnv env) {
    this.env = env;
  }

  ExecResult run(String command, byte[] stdin) {
    Connection c;
    try {
      c = env.session().connection(env.factory(), env.spec(), env.local());
    } catch (UnreachableException e) {
      throw new UnreachableDuringTask(e.getMessage());
    }
    try {
      ExecResult r = runOn(env, c, environmentPrefix(env.environment()) + command, stdin);
      if (env.become().enabled() && r.rc() == 1 && r.stderr().contains("sudo: a password is required")) {
        return new ExecResult(r.rc(), r.stdout(), "sudo: a password is required: give it with -K "
            + "(--ask-become-pass) or ansible_become_password");
      }
      if (env.become().enabled() && r.rc() == 1 && (r.stderr().contains("incorrect password attempt")
          || r.stderr().startsWith("su: Authentication failure"))) {
        return new ExecResult(r.rc(), r.stdout(), "Incorrect " + env.become().method() + " password");
      }
      return r;
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("timed out")) {
        return new ExecResult(124, "", e.getMessage());
      }
      throw new UnreachableDuringTask("connection lost: " + e.getMessage());
    }
  }

  /**
   * Runs a command on {@code c} with the task's become applied: none when the login user already is
   * the become user, and the sudo password on stdin only when sudo will ask for it.
   */
  static ExecResult runOn(TaskEnv env, Connection c, String command, byte[] stdin) throws IOException {
    Become b = env.become();
    String login = b.enabled() ? env.session().loginUser(c, env.timeout()) : "";
    if (b.enabled() && b.user().equals(login)) {
      b = Become.NONE;
    }
    boolean su = "su".equals(b.method());
    boolean pw = b.enabled() && b.password() != null
        && (su ? !login.equals("root") : env.session().sudoNeedsPassword(c, env.timeout()));
    ExecResult r = c.exec(b.wrap(command, pw), b.stdin(stdin, pw), env.timeout());
    if (su && pw && r.stderr().startsWith("Password:")) { // su prompts on stderr even when fed by stdin
      return new ExecResult(r.rc(), r.stdout(), r.stderr().substring("Password:".length()).stripLeading());
    }
    return r;
  }

  static String environmentPrefix(Map<String, Object> environment) {
    if (environment == null || environment.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    environment.forEach((k, v) -> {
      if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("invalid environment variable name '" + k + "'");
      }
      s.append("export ").append(k).append('=').append(Sh.quote(String.valueOf(v))).append("; ");
    });
    return s.toString();
  }
}
