package dev.hawser.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected texts come from Python's difflib.unified_diff, called as Ansible's --diff calls it. */
class UnifiedDiffTest {
  private static String numbered(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append("line").append(i).append('\n');
    }
    return sb.toString();
  }

  @Test
  void splitsDistantChangesIntoHunksWithThreeLinesOfContext() {
    String a = numbered(1, 20);
    String b = a.replace("line3\n", "LINE3\n").replace("line17\n", "")
        .replace("line20\n", "line20\nline21\n");

    assertThat(UnifiedDiff.of("/etc/app.conf", a, b)).isEqualTo("--- before: /etc/app.conf\n"
        + "+++ after: /etc/app.conf\n@@ -1,6 +1,6 @@\n line1\n line2\n-line3\n+LINE3\n line4\n"
        + " line5\n line6\n@@ -14,7 +14,7 @@\n line14\n line15\n line16\n-line17\n line18\n"
        + " line19\n line20\n+line21\n");
  }

  @Test
  void treatsPopularLinesOfLongFilesAsDifflibDoes() {
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      a.append(i % 3 == 0 ? "}\n" : "x" + i + "\n");
    }
    String b = a.toString().replace("x100\n", "y100\n").replace("x200\n", "");

    assertThat(UnifiedDiff.of("big", a.toString(), b)).isEqualTo("--- before: big\n"
        + "+++ after: big\n@@ -98,7 +98,7 @@\n x97\n x98\n }\n-x100\n+y100\n x101\n }\n x103\n"
        + "@@ -198,7 +198,6 @@\n x197\n }\n x199\n-x200\n }\n x202\n x203\n");
  }

  @Test
  void keepsCrLfAndOmitsLabelWhenThereIsNone() {
    assertThat(UnifiedDiff.of("", "a\r\nb\r\n", "a\r\nc\r\n"))
        .isEqualTo("--- before\n+++ after\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
  }

  @Test
  void isEmptyWithoutChangesAndCountsZeroLengthRanges() {
    assertThat(UnifiedDiff.of("x", "same\n", "same\n")).isEmpty();
    assertThat(UnifiedDiff.of("x", "a\nb\nc\n", ""))
        .isEqualTo("--- before: x\n+++ after: x\n@@ -1,3 +0,0 @@\n-a\n-b\n-c\n");
  }

  @Test
  void marksMissingFinalNewline() {
    assertThat(UnifiedDiff.of("f", "old", "new\n")).isEqualTo("--- before: f\n+++ after: f\n"
        + "@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n");
  }
}
