package dev.hawser.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report so readers never see half a file: a temp file beside it, then a rename. */
final class AtomicFiles {
  /** What fills the temp file. */
  interface Content {
    void writeTo(OutputStream out) throws Exception;
  }

  private AtomicFiles() {}

  static void write(Path file, Content content) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (Exception e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot write report " + file,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original error matters more
      }
    }
  }
}
