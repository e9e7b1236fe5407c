package dev.hawser.engine.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/inventory/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + relative, e);
        }
    }

    static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Inventory load(String... sources) {
        return new InventoryLoader().load(List.of(sources).stream().map(s -> path(s).toString()).toList(), null);
    }

    static Inventory loadText(Path dir, String fileName, String content) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, content);
            return new InventoryLoader().load(List.of(file.toString()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::name).toList();
    }
}
