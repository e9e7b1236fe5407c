package dev.hawser.engine.report;

import java.nio.file.Path;
import java.util.Map;

/** A report written to a file at the end of the run, from everything a {@link RunLog} recorded. */
abstract class FileReport implements RunListener {
  final Path file;
  final RunLog log = new RunLog();

  FileReport(Path file) {
    this.file = file;
  }

  @Override
  public final void playbookStart(String path, boolean checkMode) {
    log.start(path, checkMode);
  }

  @Override
  public final void playStart(String name) {
    log.play(name);
  }

  @Override
  public final void taskStart(String name, boolean handler) {
    log.task(name, handler);
  }

  @Override
  public final void itemResult(HostResult r) {
    log.item(r);
  }

  @Override
  public final void hostResult(HostResult r) {
    log.host(r);
  }
}
