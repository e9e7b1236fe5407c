package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Templates;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders a bundled template, or the controller file named by a task's {@code template:} param. */
final class KvmTemplates {
  private KvmTemplates() {}

  static String render(Remote host, String userTemplate, String bundled, Map<String, Object> scope)
      throws ModuleException {
    if (userTemplate != null) {
      String text = new String(host.controller().readFile(userTemplate, "templates"), StandardCharsets.UTF_8);
      return host.controller().render(text, scope);
    }
    return Templates.renderLenient(bundled, Templates.resource(KvmTemplates.class, bundled), scope);
  }

  /** Values put into XML: Templates does not escape. */
  static String xml(String s) {
    return s == null ? null : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("'", "&apos;").replace("\"", "&quot;");
  }
}
