package dev.hawser.engine.exec;

import dev.hawser.engine.connect.ConnectionSpec;
import java.time.Duration;
import java.util.Map;

/** Everything one task on one host needs to reach the host: how to connect, become, environment. */
record TaskEnv(
    HostSession session,
    ConnectionFactory factory,
    ConnectionSpec spec,
    boolean local,
    Become become,
    Map<String, Object> environment,
    Duration timeout) {}
