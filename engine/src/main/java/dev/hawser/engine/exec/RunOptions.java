package dev.hawser.engine.exec;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the user asked for on the command line (or a test, in-process). */
public record RunOptions(
    boolean check,
    boolean diff,
    int forks,
    List<String> tags,
    List<String> skipTags,
    String startAtTask,
    String limit,
    Map<String, Object> extraVars,
    String remoteUser,
    Path privateKey,
    Boolean become,
    String becomePassword,
    Path knownHosts,
    HostKeyChecking hostKeyChecking,
    Duration connectTimeout,
    Duration commandTimeout,
    int verbosity) {

  public static RunOptions defaults() {
    return new RunOptions(false, false, 25, List.of(), List.of(), null, null, Map.of(), null, null, null,
        null, null, HostKeyChecking.STRICT, Duration.ofSeconds(10), Duration.ofHours(2), 0);
  }

  public RunOptions withCheck(boolean c) {
    return new RunOptions(c, diff, forks, tags, skipTags, startAtTask, limit, extraVars, remoteUser, privateKey,
        become, becomePassword, knownHosts, hostKeyChecking, connectTimeout, commandTimeout, verbosity);
  }
}
