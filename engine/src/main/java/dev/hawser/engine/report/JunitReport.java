package dev.hawser.engine.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the run as JUnit XML when the playbook ends (atomically): one {@code <testsuite>} per
 * play, one {@code <testcase classname="PLAY" name="[host] TASK" time="s.mmm">} per host and
 * task. Failed becomes {@code <failure>}, unreachable {@code <error>}, skipped
 * {@code <skipped/>}; ignored and rescued failures pass, as they do not fail the run. Loop items
 * are summed up in their host's testcase. no_log results show only Ansible's hidden-output text.
 */
public final class JunitReport extends FileReport {
  public JunitReport(Path file) {
    super(file);
  }

  @Override
  public void playbookEnd(Map<String, HostStats> recap, boolean interrupted) {
    List<RunLog.Play> plays = log.plays();
    AtomicFiles.write(file, out -> {
      XMLStreamWriter w = XMLOutputFactory.newInstance()
          .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", clean(log.playbook()));
      for (RunLog.Play p : plays) {
        suite(w, p);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    });
  }

  private static void suite(XMLStreamWriter w, RunLog.Play p) throws XMLStreamException {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    long ms = 0;
    for (RunLog.Task t : p.tasks()) {
      for (String h : t.hosts().keySet()) {
        HostResult r = t.result(h);
        tests++;
        failures += r.status() == Status.FAILED ? 1 : 0;
        errors += r.status() == Status.UNREACHABLE ? 1 : 0;
        skipped += r.status() == Status.SKIPPED ? 1 : 0;
        ms += millis(r);
      }
    }
    w.writeCharacters("\n  ");
    w.writeStartElement("testsuite");
    w.writeAttribute("name", clean(p.name()));
    w.writeAttribute("tests", Integer.toString(tests));
    w.writeAttribute("failures", Integer.toString(failures));
    w.writeAttribute("errors", Integer.toString(errors));
    w.writeAttribute("skipped", Integer.toString(skipped));
    w.writeAttribute("time", seconds(ms));
    for (RunLog.Task t : p.tasks()) {
      for (String h : t.hosts().keySet()) {
        testcase(w, p.name(), t, t.result(h));
      }
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
  }

  private static void testcase(XMLStreamWriter w, String play, RunLog.Task t, HostResult r)
      throws XMLStreamException {
    w.writeCharacters("\n    ");
    w.writeStartElement("testcase");
    w.writeAttribute("classname", clean(play));
    w.writeAttribute("name", clean("[" + r.host() + "] " + t.name()));
    w.writeAttribute("time", seconds(millis(r)));
    switch (r.status()) {
      case FAILED -> problem(w, "failure", r);
      case UNREACHABLE -> problem(w, "error", r);
      case SKIPPED -> {
        w.writeEmptyElement("skipped");
        if (r.msg() != null && !r.noLog()) {
          w.writeAttribute("message", clean(r.msg()));
        }
      }
      default -> { }
    }
    w.writeEndElement();
  }

  private static void problem(XMLStreamWriter w, String element, HostResult r)
      throws XMLStreamException {
    w.writeStartElement(element);
    w.writeAttribute("message", clean(ResultView.msg(r)));
    w.writeAttribute("type", r.status().name());
    StringBuilder text = new StringBuilder();
    if (!r.noLog()) {
      if (r.rc() != null) {
        text.append("rc: ").append(r.rc()).append('\n');
      }
      appendOutput(text, "stdout", r.stdout());
      appendOutput(text, "stderr", r.stderr());
    }
    if (!text.isEmpty()) {
      w.writeCharacters(clean(text.toString()));
    }
    w.writeEndElement();
  }

  private static void appendOutput(StringBuilder text, String name, String value) {
    if (value != null && !value.isEmpty()) {
      text.append(name).append(":\n").append(value).append('\n');
    }
  }

  private static long millis(HostResult r) {
    return r.duration() == null ? 0 : r.duration().toMillis();
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }

  /** XML 1.0 cannot carry most control characters (ANSI escapes in stderr, say): drop them. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(JunitReport::allowedInXml).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
