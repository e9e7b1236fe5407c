package dev.hawser.modules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.ModuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * lineinfile's semantics against what Ansible documents (and its code does). Cells: file before,
 * regexp, search_string, line, insertafter, insertbefore, firstmatch, file after ("\n" escaped as |).
 */
class LineEditTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "~", value = {
      "regexp replaces the last match;      a=1|b|a=2|; ^a=;  ~;   a=3; ~;      ~;      false; a=1|b|a=3|",
      "firstmatch replaces the first;       a=1|b|a=2|; ^a=;  ~;   a=3; ~;      ~;      true;  a=3|b|a=2|",
      "no match appends at EOF;             b|;         ^a=;  ~;   a=3; ~;      ~;      false; b|a=3|",
      "missing final newline is completed;  b;          ^a=;  ~;   a=3; ~;      ~;      false; b|a=3|",
      "insertafter ignored when regexp hits;x|a=1|y|;   ^a=;  ~;   a=3; ^x;     ~;      false; x|a=3|y|",
      "insertafter after the last match;    x|y|x|z|;   ^a=;  ~;   a=3; ^x;     ~;      false; x|y|x|a=3|z|",
      "insertafter firstmatch;              x|y|x|z|;   ^a=;  ~;   a=3; ^x;     ~;      true;  x|a=3|y|x|z|",
      "insertafter no match means EOF;      y|;         ^a=;  ~;   a=3; ^x;     ~;      false; y|a=3|",
      "insertafter EOF;                     y|;         ~;    ~;   a=3; EOF;    ~;      false; y|a=3|",
      "insertbefore before the last match;  x|y|x|;     ~;    ~;   a=3; ~;      ^x;     false; x|y|a=3|x|",
      "insertbefore firstmatch;             y|x|x|;     ~;    ~;   a=3; ~;      ^x;     true;  y|a=3|x|x|",
      "insertbefore BOF;                    y|;         ~;    ~;   a=3; ~;      BOF;    false; a=3|y|",
      "insertafter BOF;                     y|;         ~;    ~;   a=3; BOF;    ~;      false; a=3|y|",
      "exact line anywhere is kept;         a=3|x|;     ~;    ~;   a=3; ^x;     ~;      false; a=3|x|",
      "line already after insertafter;      x|a=3|;     ~;    ~;   a=3; ^x;     ~;      false; x|a=3|",
      "exact line without newline fixed;    x|a=3;      ~;    ~;   a=3; ~;      ~;      false; x|a=3|",
      "search_string replaces last;         # Port|Port 2|; ~; Port; Port 22; ~; ~;     false; # Port|Port 22|",
      "regexp dollar before newline;        k=1|;       ^k=1$; ~;  k=2; ~;      ~;      false; k=2|",
      "empty file;                          '';         ^a=;  ~;   a=1; ~;      ~;      false; a=1|",
      "python named group syntax;           k=1|;       (?P<key>k)=; ~; k=9; ~;   ~;      false; k=9|",
  })
  void present(String name, String before, String regexp, String search, String line, String after,
      String beforeRegex, boolean firstMatch, String expected) throws ModuleException {
    LineEdit.Result r = LineEdit.present(nl(before), regexp, search, line, after, beforeRegex, false, firstMatch);
    assertThat(r.content()).isEqualTo(nl(expected));
    assertThat(r.changed()).isEqualTo(!nl(before).equals(nl(expected)));
  }

  @Test
  void crlfLineIsRewrittenWithNewline() throws ModuleException {
    LineEdit.Result r = LineEdit.present("a\r\nb\r\n", null, null, "a", null, null, false, false);
    assertThat(r.content()).isEqualTo("a\nb\r\n");
    assertThat(r.msg()).isEqualTo("line replaced");
  }

  @Test
  void backrefsExpandGroupsAndDoNothingWithoutMatch() throws ModuleException {
    assertThat(LineEdit.present("host=old\n", "^(host=).*", null, "\\1new", null, null, true, false).content())
        .isEqualTo("host=new\n");
    assertThat(LineEdit.present("host=old\n", "^(?P<k>host=).*", null, "\\g<k>x\\g<1>", null, null, true, false)
        .content()).isEqualTo("host=xhost=\n");
    LineEdit.Result none = LineEdit.present("other\n", "^(host=).*", null, "\\1new", null, null, true, false);
    assertThat(none.changed()).isFalse();
    assertThat(none.content()).isEqualTo("other\n");
  }

  @Test
  void backrefsToMissingGroupFail() {
    assertThatThrownBy(() -> LineEdit.present("a\n", "^(a)", null, "\\2", null, null, true, false))
        .hasMessageContaining("invalid group reference 2");
  }

  @Test
  void absentRemovesEveryMatch() throws ModuleException {
    LineEdit.Result byLine = LineEdit.absent("a\nb\na\r\nab\n", null, null, "a");
    assertThat(byLine.content()).isEqualTo("b\nab\n");
    assertThat(byLine.found()).isEqualTo(2);
    assertThat(byLine.msg()).isEqualTo("2 line(s) removed");
    assertThat(LineEdit.absent("a\nb\nab\n", "^a", null, null).content()).isEqualTo("b\n");
    assertThat(LineEdit.absent("a\nb\nab\n", null, "b", null).content()).isEqualTo("a\n");
    assertThat(LineEdit.absent("a\n", null, null, "z").changed()).isFalse();
  }

  @Test
  void badRegexFailsInOneLine() {
    assertThatThrownBy(() -> LineEdit.present("a\n", "(", null, "x", null, null, false, false))
        .isInstanceOf(ModuleException.class).hasMessageStartingWith("bad regular expression (");
  }

  private static String nl(String s) {
    return s.replace('|', '\n');
  }
}
