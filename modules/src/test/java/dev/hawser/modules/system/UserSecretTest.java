package dev.hawser.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.testing.FakeRemote;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password hash reaches chpasswd on stdin only: never a command line, message or result data. */
class UserSecretTest {
  private static final String HASH = "$6$salt$SECRETHASHVALUE";
  private final UserModule user = new UserModule();

  private static String read() {
    return "getent passwd deploy; echo @@group; id -gn deploy 2>/dev/null; echo @@groups; "
        + "id -Gn deploy 2>/dev/null; echo @@shadow; getent shadow deploy 2>/dev/null | cut -d: -f2 | sed 's/^/=/'";
  }

  @Test
  void hashIsSecretAndOnlyOnStdin() throws Exception {
    assertThat(user.spec().find("password").orElseThrow().isSecret()).isTrue();
    Params params = user.spec().validate(Map.of("name", "deploy", "password", HASH), false);
    FakeRemote host = new FakeRemote().on(read(), new ExecResult(2, "@@group\n@@groups\n@@shadow\n", ""));
    Change.Pending change = (Change.Pending) user.plan(params, host);
    assertThat(change.msg()).doesNotContain(HASH);
    assertThat(change.data().toString()).doesNotContain(HASH).contains("NOT_LOGGING_PASSWORD");
    for (Step s : change.steps()) {
      assertThat(s.describe()).doesNotContain(HASH);
      assertThat(s.toString()).doesNotContain(HASH);
    }
    Step.Run chpasswd = (Step.Run) change.steps().get(1);
    assertThat(chpasswd.command()).isEqualTo("chpasswd -e");
    assertThat(new String(chpasswd.stdin(), StandardCharsets.UTF_8)).isEqualTo("deploy:" + HASH + "\n");
  }

  @Test
  void changedHashIsNotShownEither() throws Exception {
    Params params = user.spec().validate(Map.of("name", "deploy", "password", HASH), false);
    FakeRemote host = new FakeRemote().on(read(),
        "deploy:x:1001:1001::/home/deploy:/bin/sh\n@@group\ndeploy\n@@groups\ndeploy\n@@shadow\n=$6$old$OLDHASH\n");
    Change.Pending change = (Change.Pending) user.plan(params, host);
    assertThat(change.msg()).isEqualTo("change user deploy: password");
    assertThat(change.data().toString()).doesNotContain(HASH).doesNotContain("OLDHASH");
    assertThat(change.steps()).extracting(Step::describe).containsExactly("chpasswd -e");
  }
}
