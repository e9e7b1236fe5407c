package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Diff;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes one file on the host hold given bytes and attributes: the shared core of copy, template and lineinfile. */
final class FileSync {
  /** Files up to this size are read back so --diff can show their content. */
  static final int DIFF_LIMIT = 64 * 1024;

  private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

  private FileSync() {}

  /** Where backup=yes keeps the old file: {@code path.2024-05-01@13:45:00~}, like Ansible without the pid. */
  static String backupName(String path, Clock clock) {
    return path + "." + LocalDateTime.now(clock).format(BACKUP_STAMP) + "~";
  }

  /**
   * What makes {@code path} hold {@code content} with {@code attrs}, given {@code current}: nothing,
   * chmod/chown only, or (backup and) upload. {@code backupPath} null means no backup.
   */
  static Plan plan(String path, FileState current, byte[] content, FileAttrs attrs, String backupPath)
      throws ModuleException {
    List<Step> steps = new ArrayList<>();
    List<Diff> diffs = new ArrayList<>();
    if (current.exists() && hex("SHA-256", content).equals(current.sha256())) {
      FileAttrs.Fix fix = attrs.fix(path, current.meta(), false);
      Optional.ofNullable(fix.diff()).ifPresent(diffs::add);
      return new Plan(fix.steps(), diffs, false, !fix.isEmpty(), null);
    }
    String backup = current.exists() ? backupPath : null;
    if (backup != null) {
      steps.add(new Step.Run(Sh.cmd("cp", "-p", "--", path, backup)));
    }
    String mode = current.exists() ? attrs.octalFor(current.meta().perms(), false) : attrs.octalForNew(false);
    steps.add(new Step.Upload(path, content, mode, attrs.owner(), attrs.group()));
    String before = current.exists() ? current.content() : "";
    String after = text(content);
    if (before != null && after != null && content.length <= DIFF_LIMIT) {
      diffs.add(new Diff(path, before, after));
    }
    boolean attrsChanged = false;
    if (current.exists()) {
      FileAttrs.Fix fix = attrs.fix(path, current.meta(), false);
      Optional.ofNullable(fix.diff()).ifPresent(diffs::add);
      attrsChanged = !fix.isEmpty();
    }
    return new Plan(steps, diffs, true, attrsChanged, backup);
  }

  /** Only chmod/chown, for when the content is known to be right already. */
  static Plan attributesOnly(String path, FileState current, FileAttrs attrs) throws ModuleException {
    if (!current.exists()) {
      return new Plan(List.of(), List.of(), false, false, null);
    }
    FileAttrs.Fix fix = attrs.fix(path, current.meta(), false);
    return new Plan(fix.steps(), fix.diff() == null ? List.of() : List.of(fix.diff()), false, !fix.isEmpty(), null);
  }

  /** copy's and template's result data: dest, checksum (sha1, as Ansible), size, mode, owner, group. */
  static Map<String, Object> resultData(String dest, FileState current, byte[] content, FileAttrs attrs)
      throws ModuleException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dest", dest);
    data.put("checksum", hex("SHA-1", content));
    data.put("size", content.length);
    Meta m = current.meta();
    String mode = m == null ? attrs.octalForNew(false) : attrs.mode() == null ? m.modeText()
        : attrs.octalFor(m.perms(), false);
    putIfKnown(data, "mode", mode);
    putIfKnown(data, "owner", attrs.owner() != null ? attrs.owner() : m == null ? null : m.owner());
    putIfKnown(data, "group", attrs.group() != null ? attrs.group() : m == null ? null : m.group());
    return data;
  }

  private static void putIfKnown(Map<String, Object> data, String key, Object value) {
    if (value != null) {
      data.put(key, value);
    }
  }

  static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes as text, or null when they are binary (NUL bytes or not UTF-8). */
  static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** @param backupFile where the old file is kept, null without backup */
  record Plan(List<Step> steps, List<Diff> diffs, boolean contentChanged, boolean attrsChanged,
      String backupFile) {
    boolean isEmpty() {
      return steps.isEmpty();
    }

    /** The same plan with {@code step} run first (e.g. creating the parent directory). */
    Plan prepend(Step step) {
      List<Step> all = new ArrayList<>();
      all.add(step);
      all.addAll(steps);
      return new Plan(all, diffs, contentChanged, attrsChanged, backupFile);
    }

    /** No change, or the steps with their diffs; {@code data} goes to both. */
    Change toChange(String msg, Map<String, Object> data) {
      Map<String, Object> d = new LinkedHashMap<>(data);
      if (backupFile != null) {
        d.put("backup_file", backupFile);
      }
      return isEmpty() ? new Change.None(msg, d) : new Change.Pending(steps, diffs, msg, d);
    }
  }
}
