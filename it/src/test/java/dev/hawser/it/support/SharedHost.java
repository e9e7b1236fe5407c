package dev.hawser.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One container host (and an inventory naming it) shared by all tests of a class:
 * {@code @RegisterExtension static final SharedHost HOST = new SharedHost();}.
 */
public final class SharedHost implements BeforeAllCallback, AfterAllCallback {
  private SshHost host;
  private TestInventory inventory;

  @Override
  public void beforeAll(ExtensionContext context) {
    host = SshHost.start();
    inventory = TestInventory.of(host);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (host != null) {
      host.stop();
    }
  }

  public SshHost host() {
    return host;
  }

  public TestInventory inventory() {
    return inventory;
  }
}
