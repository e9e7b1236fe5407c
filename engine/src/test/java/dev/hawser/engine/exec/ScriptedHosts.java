package dev.hawser.engine.exec;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.ConnectionSpec;
import dev.hawser.engine.connect.UnreachableException;
import dev.hawser.engine.spi.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** Fake hosts for executor tests: every command is recorded; answers come from a function. */
final class ScriptedHosts implements ConnectionFactory, HostSource {
  final Map<String, List<String>> commands = new ConcurrentHashMap<>();
  final Map<String, List<byte[]>> stdins = new ConcurrentHashMap<>();
  final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  final AtomicInteger opened = new AtomicInteger();
  /** How each connection was asked for, by inventory name; and which names were opened as local. */
  final Map<String, ConnectionSpec> specs = new ConcurrentHashMap<>();
  final Set<String> local = ConcurrentHashMap.newKeySet();
  private final List<String> hosts;
  private final Map<String, Map<String, Object>> vars;
  private BiFunction<String, String, ExecResult> answer = (host, cmd) -> new ExecResult(0, "", "");

  ScriptedHosts(List<String> hosts, Map<String, Map<String, Object>> vars) {
    this.hosts = hosts;
    this.vars = vars;
  }

  ScriptedHosts answering(BiFunction<String, String, ExecResult> answer) {
    this.answer = answer;
    return this;
  }

  List<String> ran(String host) {
    return commands.getOrDefault(host, List.of());
  }

  @Override
  public Connection open(ConnectionSpec spec, boolean local) throws UnreachableException {
    String host = spec.inventoryName();
    if (unreachable.contains(host)) {
      throw new UnreachableException("connection refused (" + host + ":22)");
    }
    opened.incrementAndGet();
    specs.put(host, spec);
    if (local) {
      this.local.add(host);
    }
    return new Connection() {
      @Override
      public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        commands.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(command);
        stdins.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>()))
            .add(stdin == null ? new byte[0] : stdin);
        return answer.apply(host, command);
      }

      @Override
      public String describe() {
        return "scripted " + host;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}

  @Override
  public List<String> select(String pattern) {
    return pattern.equals("all") ? hosts : hosts.stream().filter(pattern::equals).toList();
  }

  @Override
  public Map<String, Object> varsFor(String host) {
    return vars.getOrDefault(host, Map.of());
  }
}
