package dev.hawser.engine.spi;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Mustache with HTML escaping off, for config files. Modules' bundled templates are read from here too. */
public final class Templates {
  private static final MustacheFactory FACTORY = new DefaultMustacheFactory() {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  };

  private Templates() {}

  /** Renders {@code template} against {@code scope} (a Map or an object); missing names render empty. */
  public static String renderLenient(String name, String template, Object scope) {
    Mustache m = FACTORY.compile(new StringReader(template), name);
    StringWriter w = new StringWriter();
    m.execute(w, scope);
    return w.toString();
  }

  /** Reads a template bundled as a class-path resource next to {@code owner}. */
  public static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled template " + name + " beside " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
