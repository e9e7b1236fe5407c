package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ModuleException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The fields of a libvirt pool definition that pool_define controls. libvirt adds uuid, capacity,
 * permissions and more to what it stores, so definitions are compared on these fields only.
 */
record PoolXml(String type, String name, String target, String sourceHost, String sourcePath,
    String sourceDev, String sourceName, String format) {

  static PoolXml parse(String xml) throws ModuleException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      Element pool = d.getDocumentElement();
      Element source = child(pool, "source");
      return new PoolXml(blank(pool.getAttribute("type")), text(child(pool, "name")),
          text(child(child(pool, "target"), "path")),
          attr(child(source, "host"), "name"), attr(child(source, "dir"), "path"),
          attr(child(source, "device"), "path"), text(child(source, "name")),
          attr(child(source, "format"), "type"));
    } catch (Exception e) {
      throw new ModuleException("could not read pool XML: " + e.getMessage());
    }
  }

  /** The scope pool.xml.mustache renders (values XML-escaped: templates do not escape). */
  Map<String, Object> scope() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", KvmTemplates.xml(type));
    s.put("name", KvmTemplates.xml(name));
    s.put("target", KvmTemplates.xml(target));
    s.put("source_host", KvmTemplates.xml(sourceHost));
    s.put("source_path", KvmTemplates.xml(sourcePath));
    s.put("source_dev", KvmTemplates.xml(sourceDev));
    s.put("source_name", KvmTemplates.xml(sourceName));
    s.put("format", KvmTemplates.xml(format));
    s.put("has_source", sourceHost != null || sourcePath != null || sourceDev != null
        || sourceName != null || format != null);
    return s;
  }

  private static Element child(Element parent, String tag) {
    if (parent == null) {
      return null;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element e) {
    return e == null ? null : blank(e.getTextContent().strip());
  }

  private static String attr(Element e, String name) {
    return e == null ? null : blank(e.getAttribute(name));
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
