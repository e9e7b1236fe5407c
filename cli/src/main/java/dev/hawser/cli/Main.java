package dev.hawser.cli;

/** The only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(System.out, System.err, args));
  }
}
