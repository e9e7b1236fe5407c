package dev.hawser.it.support;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Debian 12 host with OpenSSH in a local container ({@code hawser/debian12-sshd}, built by
 * {@code scripts/build-images}; nothing is pulled). Users: {@code root} (key only) and {@code deploy}
 * (key or password {@value #DEPLOY_PASSWORD}; sudo needs that password). Both accept the generated
 * ed25519 key {@link #privateKey()}.
 *
 * <pre>{@code
 * try (SshHost host = SshHost.start()) {
 *   int port = host.port();                       // mapped sshd port on 127.0.0.1
 *   host.execOk("sh", "-c", "test -d /etc/ssh");   // docker exec, as root
 * }
 * }</pre>
 */
public final class SshHost implements AutoCloseable {
  public static final String IMAGE = "hawser/debian12-sshd:latest";
  public static final String SYSTEMD_IMAGE = "hawser/debian12-systemd:latest";
  public static final String ROOT_USER = "root";
  public static final String DEPLOY_USER = "deploy";
  public static final String DEPLOY_PASSWORD = "deploy-pass";
  /** Label on every container started here (scripts/test removes leftovers carrying it in CI). */
  public static final String LABEL = "dev.hawser.it";
  /** Where the host's apt cache lives inside the container. */
  public static final String APT_ARCHIVES = "/var/cache/apt/archives";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Set<SshHost> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    // Ryuk is disabled here: stop whatever a test forgot when the JVM exits.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(SshHost::stop), "sshhost-cleanup"));
  }

  private final String name;
  private final GenericContainer<?> container;
  private final SshKey key;
  private final boolean ownKey;
  private volatile String hostKey;
  private volatile List<String> hostKeys;

  private SshHost(String name, GenericContainer<?> container, SshKey key, boolean ownKey) {
    this.name = name;
    this.container = container;
    this.key = key;
    this.ownKey = ownKey;
  }

  /** Starts a default host (hawser/debian12-sshd, fresh key). */
  public static SshHost start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Inventory name of this host (default host1, host2, ...). */
  public String name() {
    return name;
  }

  /** Always 127.0.0.1: the mapped port is published on loopback. */
  public String host() {
    return "127.0.0.1";
  }

  /** The host port mapped to the container's port 22. */
  public int port() {
    return container.getMappedPort(22);
  }

  /** Private key file accepted for root and deploy. */
  public Path privateKey() {
    return key.privateKey();
  }

  public SshKey key() {
    return key;
  }

  /** The known_hosts line for this host: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
  public String hostKeyLine() {
    return "[" + host() + "]:" + port() + " " + hostPublicKey();
  }

  /**
   * known_hosts lines for every host key the server offers (ed25519, ecdsa, rsa), each
   * {@code [127.0.0.1]:PORT TYPE AAAA...}: clients that prefer another key type than ed25519 (MINA's
   * default order puts ECDSA first) still find a matching entry.
   */
  public List<String> hostKeyLines() {
    List<String> keys = hostKeys;
    if (keys == null) {
      List<String> l = new ArrayList<>();
      for (String line : execOk("sh", "-c", "cat /etc/ssh/ssh_host_*_key.pub").split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 2) {
          l.add(f[0] + " " + f[1]);
        }
      }
      hostKeys = keys = List.copyOf(l);
    }
    String prefix = "[" + host() + "]:" + port() + " ";
    return keys.stream().map(k -> prefix + k).collect(java.util.stream.Collectors.toList());
  }

  /** The host's ed25519 public key, {@code ssh-ed25519 AAAA...} (no comment). */
  public String hostPublicKey() {
    String k = hostKey;
    if (k == null) {
      String[] f = execOk("cat", "/etc/ssh/ssh_host_ed25519_key.pub").trim().split("\\s+");
      hostKey = k = f[0] + " " + f[1];
    }
    return k;
  }

  /** Runs a command in the container as root (docker exec, not SSH). Never throws on exit code. */
  public ExecResult exec(String... cmd) {
    return execAs(ROOT_USER, cmd);
  }

  /** Runs a command in the container as {@code user} (docker exec, not SSH). */
  public ExecResult execAs(String user, String... cmd) {
    try {
      return container.execInContainerWithUser(user, cmd);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", cmd), e);
    }
  }

  /** Runs a command as root; returns its stdout, failing when it exits non-zero. */
  public String execOk(String... cmd) {
    ExecResult r = exec(cmd);
    if (r.getExitCode() != 0) {
      throw new AssertionError("`" + String.join(" ", cmd) + "` exited " + r.getExitCode() + " on " + name
          + "\nstdout: " + r.getStdout() + "\nstderr: " + r.getStderr());
    }
    return r.getStdout();
  }

  /** The underlying container (copy files, read logs, ...). */
  public GenericContainer<?> container() {
    return container;
  }

  /** Stops and removes the container; deletes a generated key. Idempotent. */
  public void stop() {
    RUNNING.remove(this);
    try {
      container.stop();
    } finally {
      if (ownKey) {
        deleteTree(key.privateKey().getParent());
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "SshHost[" + name + " " + (container.isRunning() ? host() + ":" + port() : "stopped") + "]";
  }

  /**
   * The shared apt archive cache on the test machine: {@code $HAWSER_CACHE_DIR/apt-archives},
   * default {@code ~/.cache/hawser/apt-archives} (system property {@code hawser.cache} wins).
   */
  public static Path aptCacheDir() {
    String dir = System.getProperty("hawser.cache");
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("HAWSER_CACHE_DIR");
    }
    if (dir == null || dir.isBlank()) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      dir = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.cache" : xdg) + "/hawser";
    }
    return Paths.get(dir, "apt-archives");
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** Options for one host. */
  public static final class Builder {
    private String image = IMAGE;
    private String name;
    private SshKey key;
    private boolean systemd;
    private boolean aptCache;
    private boolean freshHostKeys;
    private final List<String> devices = new ArrayList<>();
    private Duration startupTimeout = Duration.ofSeconds(90);
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Consumer<GenericContainer<?>>> customizers = new ArrayList<>();

    private Builder() {}

    /** Another local image (must be built already; never pulled). */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Inventory name (default host1, host2, ...). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Use this key instead of generating one (e.g. one key for several hosts). */
    public Builder key(SshKey key) {
      this.key = key;
      return this;
    }

    /**
     * Boot systemd as PID 1 ({@code hawser/debian12-systemd}, ssh.service enabled): adds tmpfs /run,
     * /run/lock, a read-write /sys/fs/cgroup bind and the host cgroup namespace.
     */
    public Builder systemd() {
      this.systemd = true;
      this.image = SYSTEMD_IMAGE;
      return this;
    }

    /**
     * Bind-mount {@link #aptCacheDir()} on /var/cache/apt/archives: the images keep downloaded .debs,
     * so a second run downloads nothing. One apt at a time may use the cache (apt locks it).
     */
    public Builder aptCache() {
      this.aptCache = true;
      return this;
    }

    /** Generate new host keys at start instead of the image's (sshd image only). */
    public Builder freshHostKeys() {
      this.freshHostKeys = true;
      return this;
    }

    /** Pass a host device through at the same path, e.g. "/dev/kvm" or "/dev/net/tun" (mode rwm). */
    public Builder device(String path) {
      devices.add(path);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /** Escape hatch: change the container before it starts (binds, devices, tmpfs, ...). */
    public Builder customize(Consumer<GenericContainer<?>> customizer) {
      customizers.add(customizer);
      return this;
    }

    /** Starts the container and waits until sshd answers with its banner. */
    public SshHost start() {
      requireLocalImage(image);
      int n = COUNTER.incrementAndGet();
      String hostName = name != null ? name : "host" + n;
      boolean ownKey = key == null;
      SshKey k = ownKey ? SshKey.generate() : key;
      GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
      c.withExposedPorts(22)
          .withEnv("AUTHORIZED_KEY", k.publicKeyLine())
          .withLabel(LABEL, "true")
          .withLabel(LABEL + ".name", hostName)
          .withStartupTimeout(startupTimeout)
          .waitingFor(new SshBannerWait().withStartupTimeout(startupTimeout));
      if (freshHostKeys) {
        c.withEnv("REGENERATE_HOST_KEYS", "1");
      }
      env.forEach(c::withEnv);
      List<Bind> binds = new ArrayList<>();
      if (aptCache) {
        Path dir = aptCacheDir();
        try {
          Files.createDirectories(dir.resolve("partial"));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create apt cache " + dir, e);
        }
        binds.add(new Bind(dir.toAbsolutePath().toString(), new Volume(APT_ARCHIVES)));
      }
      if (systemd) {
        binds.add(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup")));
        c.withTmpFs(Map.of("/run", "rw,exec,size=64m", "/run/lock", "rw,size=8m"));
      }
      boolean sd = systemd;
      List<Device> devs = devices.stream().map(d -> new Device("rwm", d, d)).toList();
      c.withCreateContainerCmdModifier(cmd -> {
        HostConfig hc = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
        hc.withCapAdd(Capability.ALL)
            .withCapDrop(Capability.SYS_RESOURCE)
            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"));
        if (!binds.isEmpty()) {
          List<Bind> all = new ArrayList<>();
          if (hc.getBinds() != null) {
            all.addAll(List.of(hc.getBinds()));
          }
          all.addAll(binds);
          hc.withBinds(all);
        }
        if (!devs.isEmpty()) {
          hc.withDevices(devs);
        }
        if (sd) {
          hc.withCgroupnsMode("host");
        }
        cmd.withHostConfig(hc).withHostName(hostName.replaceAll("[^A-Za-z0-9-]", "-"));
      });
      customizers.forEach(cu -> cu.accept(c));
      SshHost host = new SshHost(hostName, c, k, ownKey);
      RUNNING.add(host);
      try {
        c.start();
      } catch (RuntimeException e) {
        host.stop();
        throw e;
      }
      return host;
    }
  }

  private static final Set<String> CHECKED_IMAGES = ConcurrentHashMap.newKeySet();

  private static void requireLocalImage(String image) {
    if (CHECKED_IMAGES.contains(image)) {
      return;
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      CHECKED_IMAGES.add(image);
    } catch (NotFoundException e) {
      throw new IllegalStateException("Docker image " + image + " is missing: it is built locally, never pulled."
          + " Run scripts/setup-docker && scripts/build-images (or scripts/test) first.", e);
    }
  }

  /** Ready when a TCP connection to the mapped port reads an "SSH-" banner (docker-proxy alone is not enough). */
  private static final class SshBannerWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      String host = "127.0.0.1";
      int port = waitStrategyTarget.getMappedPort(22);
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      String last = "no attempt";
      while (System.nanoTime() < deadline) {
        if (!waitStrategyTarget.isRunning()) {
          throw new ContainerLaunchException("container exited before sshd answered; logs:\n"
              + waitStrategyTarget.getLogs());
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(host, port), 2000);
          s.setSoTimeout(3000);
          InputStream in = s.getInputStream();
          byte[] buf = new byte[4];
          int got = 0;
          while (got < 4) {
            int r = in.read(buf, got, 4 - got);
            if (r < 0) {
              break;
            }
            got += r;
          }
          String banner = new String(buf, 0, got, StandardCharsets.US_ASCII);
          if (banner.equals("SSH-")) {
            return;
          }
          last = "read '" + banner + "'";
        } catch (IOException e) {
          last = e.toString();
        }
        try {
          TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ContainerLaunchException("interrupted waiting for sshd", e);
        }
      }
      throw new ContainerLaunchException("sshd on " + host + ":" + port + " did not answer within "
          + startupTimeout + " (" + last + "); logs:\n" + waitStrategyTarget.getLogs());
    }
  }
}
