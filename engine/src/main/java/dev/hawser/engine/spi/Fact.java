package dev.hawser.engine.spi;

/** A piece of host state: one shell command and a parser for what it prints. */
public interface Fact<T> {
  /** A POSIX sh command line. It should exit 0 whenever it could read the state. */
  String command();

  T parse(ExecResult result) throws ModuleException;

  /** A fact from a command and a parser, e.g. {@code Fact.of("uname -m", r -> r.stdout().strip())}. */
  static <T> Fact<T> of(String command, Parser<T> parser) {
    return new Fact<>() {
      @Override
      public String command() {
        return command;
      }

      @Override
      public T parse(ExecResult result) throws ModuleException {
        return parser.parse(result);
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Fact<?> f && f.command().equals(command);
      }

      @Override
      public int hashCode() {
        return command.hashCode();
      }
    };
  }

  @FunctionalInterface
  interface Parser<T> {
    T parse(ExecResult result) throws ModuleException;
  }
}
