package dev.hawser.cli;

import static dev.hawser.cli.CliTest.hawser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesCliTest {
  @TempDir
  Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aRoleCopiesItsFilesAndRendersItsTemplatesWithItsDefaults() throws Exception {
    Path out = dir.resolve("out");
    write("roles/site/defaults/main.yml", "greeting: hello\nwho: nobody\n");
    write("roles/site/files/static.txt", "from the role\n");
    write("roles/site/templates/page.mustache", "{{ greeting }} {{ who }}\n");
    write("roles/site/tasks/main.yml", """
        - {name: dir, file: {path: "%1$s", state: directory}}
        - {name: static, copy: {src: static.txt, dest: "%1$s/static.txt"}}
        - {name: page, template: {src: page.mustache, dest: "%1$s/page.txt"}, notify: done}
        """.formatted(out));
    write("roles/site/handlers/main.yml", "- {name: done, debug: {msg: handled}}\n");
    write("site.yml", """
        - hosts: localhost
          gather_facts: false
          roles:
            - {role: site, who: world}
        """);
    Result r = hawser("play", dir.resolve("site.yml").toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(out.resolve("static.txt"))).isEqualTo("from the role\n");
    assertThat(Files.readString(out.resolve("page.txt"))).isEqualTo("hello world\n");
    assertThat(r.out()).contains("TASK [site : page]", "RUNNING HANDLER [site : done]");
  }

  @Test
  void aMissingRoleExits5BeforeAnyHostAndTheExampleParses() throws Exception {
    write("site.yml", "- hosts: localhost\n  roles:\n    - role: nowhere\n");
    Result r = hawser("play", dir.resolve("site.yml").toString());
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).startsWith("ERROR! " + dir.resolve("site.yml") + ":3:7: role 'nowhere' not found (searched "
        + dir.resolve("roles/nowhere"));
    Result example = hawser("play", "../playbooks/motd.yml", "-i", "localhost,", "--syntax-check");
    assertThat(example.code()).as(example.err()).isZero();
  }
}
