package dev.hawser.engine.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Python's {@code difflib.SequenceMatcher} (no junk function, autojunk on), so that
 * hunks come out exactly as Ansible's --diff shows them.
 */
final class SequenceMatcher {
  /** One opcode: tag is 'e'qual, 'r'eplace, 'd'elete or 'i'nsert; a[i1,i2) vs b[j1,j2). */
  record Op(char tag, int i1, int i2, int j1, int j2) {}

  private record Match(int a, int b, int size) {}

  private final List<String> a;
  private final List<String> b;
  private final Map<String, List<Integer>> b2j = new HashMap<>();

  SequenceMatcher(List<String> a, List<String> b) {
    this.a = a;
    this.b = b;
    for (int j = 0; j < b.size(); j++) {
      b2j.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
    }
    if (b.size() >= 200) {
      int ntest = b.size() / 100 + 1;
      b2j.values().removeIf(idx -> idx.size() > ntest);
    }
  }

  private Match longestMatch(int alo, int ahi, int blo, int bhi) {
    int besti = alo;
    int bestj = blo;
    int bestsize = 0;
    Map<Integer, Integer> j2len = new HashMap<>();
    for (int i = alo; i < ahi; i++) {
      Map<Integer, Integer> next = new HashMap<>();
      for (int j : b2j.getOrDefault(a.get(i), List.of())) {
        if (j < blo) {
          continue;
        }
        if (j >= bhi) {
          break;
        }
        int k = j2len.getOrDefault(j - 1, 0) + 1;
        next.put(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    // Popular lines were left out of b2j but still extend a match, as in difflib.
    while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi
        && a.get(besti + bestsize).equals(b.get(bestj + bestsize))) {
      bestsize++;
    }
    return new Match(besti, bestj, bestsize);
  }

  private List<Match> matchingBlocks() {
    List<Match> found = new ArrayList<>();
    Deque<int[]> queue = new ArrayDeque<>();
    queue.push(new int[] {0, a.size(), 0, b.size()});
    while (!queue.isEmpty()) {
      int[] q = queue.pop();
      Match m = longestMatch(q[0], q[1], q[2], q[3]);
      if (m.size() > 0) {
        found.add(m);
        if (q[0] < m.a() && q[2] < m.b()) {
          queue.push(new int[] {q[0], m.a(), q[2], m.b()});
        }
        if (m.a() + m.size() < q[1] && m.b() + m.size() < q[3]) {
          queue.push(new int[] {m.a() + m.size(), q[1], m.b() + m.size(), q[3]});
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b));
    List<Match> merged = new ArrayList<>();
    int i1 = 0;
    int j1 = 0;
    int k1 = 0;
    for (Match m : found) {
      if (i1 + k1 == m.a() && j1 + k1 == m.b()) {
        k1 += m.size();
      } else {
        if (k1 > 0) {
          merged.add(new Match(i1, j1, k1));
        }
        i1 = m.a();
        j1 = m.b();
        k1 = m.size();
      }
    }
    if (k1 > 0) {
      merged.add(new Match(i1, j1, k1));
    }
    merged.add(new Match(a.size(), b.size(), 0));
    return merged;
  }

  List<Op> opcodes() {
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Match m : matchingBlocks()) {
      char tag = i < m.a() && j < m.b() ? 'r' : i < m.a() ? 'd' : j < m.b() ? 'i' : 0;
      if (tag != 0) {
        ops.add(new Op(tag, i, m.a(), j, m.b()));
      }
      i = m.a() + m.size();
      j = m.b() + m.size();
      if (m.size() > 0) {
        ops.add(new Op('e', m.a(), i, m.b(), j));
      }
    }
    return ops;
  }

  /** difflib's get_grouped_opcodes: hunks with {@code n} lines of context. */
  List<List<Op>> groupedOpcodes(int n) {
    List<Op> codes = new ArrayList<>(opcodes());
    if (codes.isEmpty()) {
      codes.add(new Op('e', 0, 1, 0, 1));
    }
    Op first = codes.get(0);
    if (first.tag() == 'e') {
      codes.set(0, new Op('e', Math.max(first.i1(), first.i2() - n), first.i2(),
          Math.max(first.j1(), first.j2() - n), first.j2()));
    }
    Op last = codes.get(codes.size() - 1);
    if (last.tag() == 'e') {
      codes.set(codes.size() - 1, new Op('e', last.i1(), Math.min(last.i2(), last.i1() + n),
          last.j1(), Math.min(last.j2(), last.j1() + n)));
    }
    List<List<Op>> groups = new ArrayList<>();
    List<Op> group = new ArrayList<>();
    for (Op op : codes) {
      int i1 = op.i1();
      int j1 = op.j1();
      if (op.tag() == 'e' && op.i2() - i1 > 2 * n) {
        group.add(new Op('e', i1, Math.min(op.i2(), i1 + n), j1, Math.min(op.j2(), j1 + n)));
        groups.add(group);
        group = new ArrayList<>();
        i1 = Math.max(i1, op.i2() - n);
        j1 = Math.max(j1, op.j2() - n);
      }
      group.add(new Op(op.tag(), i1, op.i2(), j1, op.j2()));
    }
    if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag() == 'e')) {
      groups.add(group);
    }
    return groups;
  }
}
