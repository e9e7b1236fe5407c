package dev.hawser.engine.connect;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Turns whatever MINA or the JDK threw while connecting into one line for the UNREACHABLE report. */
final class ConnectErrors {
  private ConnectErrors() {}

  static String timedOut(Duration timeout, SshTarget t) {
    return "timed out after " + seconds(timeout) + "s connecting to " + t.hostName() + ":" + t.port();
  }

  static String describe(Throwable error, SshTarget t) {
    String where = t.hostName() + ":" + t.port();
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ConnectException) {
        return "connection refused (" + where + ")";
      }
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return "could not resolve host " + t.hostName();
      }
      if (e instanceof NoRouteToHostException) {
        return "no route to host " + where;
      }
      if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
        return timedOut(t.connectTimeout(), t);
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return "ssh connection to " + where + " failed: " + firstLine(error);
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return m.strip().lines().findFirst().orElse(m);
  }

  static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}
