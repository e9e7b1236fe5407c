package dev.hawser.modules.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A disk image made with qemu-img: created, grown (shrunk only on request), converted, or removed. */
public final class QemuImg implements TaskModule {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@code qemu-img info} says about an image; null fields when the file is absent. */
  record Image(boolean exists, String format, long virtualSize, long actualSize, String backingFile) {}

  @Override
  public String name() {
    return "qemu_img";
  }

  @Override
  public String summary() {
    return "Creates, grows, converts or removes a disk image with qemu-img";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("path").required().aliases("dest", "name"),
        Param.choice("state", "present", "absent").defaultTo("present"),
        Param.str("format").doc("image format (qcow2 when creating); an existing image of another format fails"),
        Param.str("size").doc("virtual size: 10G, 512M, 1T or bytes; grows the image when larger"),
        Param.bool("shrink").doc("allow making the image smaller (data beyond the new size is lost)"),
        Param.str("backing_file"),
        Param.str("backing_format"),
        Param.str("convert_from").doc("create the image by converting this one (when the target is missing)"),
        Param.choice("preallocation", "off", "metadata", "falloc", "full"));
  }

  /**
   * Reads the images with qemu-img info; without qemu-img (--check on a bare host, before
   * install_packages ran) only whether the files exist, after a {@code noqemuimg} marker.
   */
  static String fact(String path, String source) {
    String info = imageSection("target", path, true);
    String exists = imageSection("target", path, false);
    if (source != null) {
      info += "; " + imageSection("source", source, true);
      exists += "; " + imageSection("source", source, false);
    }
    return "if command -v qemu-img >/dev/null 2>&1; then " + info + "; else echo '@@hawser noqemuimg'; " + exists + "; fi";
  }

  private static String imageSection(String name, String path, boolean info) {
    String q = Sh.quote(path);
    return "if [ -e " + q + " ]; then echo '@@hawser " + name + " present'"
        + (info ? "; qemu-img info -U --output=json " + q + " || exit 1" : "")
        + "; else echo '@@hawser " + name + " absent'; fi";
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    String path = params.str("path");
    String source = params.str("convert_from");
    Long size = params.has("size") ? Sizes.parse("size", params.str("size")) : null;
    Probe p = host.fact(Fact.of(fact(path, source), r -> {
      if (!r.ok()) {
        throw ModuleException.of("qemu-img info failed", r);
      }
      return Probe.parse(r.stdout());
    }));
    if (p.has("noqemuimg")) {
      return withoutQemuImg(params, path, source, size, p);
    }
    Image image = image(p, "target");

    if (params.str("state").equals("absent")) {
      return image.exists()
          ? Change.of(new Step.Run(Sh.cmd("rm", "-f", "--", path))).withMsg("removed " + path)
          : Change.none(path + " is absent");
    }
    if (!image.exists()) {
      return create(params, path, source, size, p);
    }
    String format = params.str("format");
    if (format != null && !format.equals(image.format())) {
      throw new ModuleException(path + " is a " + image.format() + " image, not " + format
          + ": qemu_img does not convert in place (convert_from to a new path, or set format: " + image.format() + ")");
    }
    String backing = params.str("backing_file");
    if (backing != null && !backing.equals(image.backingFile())) {
      throw new ModuleException(path + " has backing file '" + String.valueOf(image.backingFile()) + "', not '"
          + backing + "': changing it is a rebase (qemu-img rebase), which qemu_img does not do");
    }
    Map<String, Object> data = data(path, image.format(), image.virtualSize(), image.actualSize());
    if (size == null || size == image.virtualSize()) {
      return new Change.None(path + " is " + image.format() + ", " + Sizes.human(image.virtualSize()), data);
    }
    List<String> argv = new ArrayList<>(List.of("qemu-img", "resize", "-f", image.format()));
    if (size < image.virtualSize()) {
      if (!params.bool("shrink")) {
        throw new ModuleException("would shrink " + path + " from " + Sizes.human(image.virtualSize()) + " to "
            + Sizes.human(size) + ", losing data beyond the new end: set shrink: true to allow it");
      }
      argv.add("--shrink");
    }
    argv.addAll(List.of(path, Long.toString(size)));
    data.put("virtual_size", size);
    return new Change.Pending(List.of(new Step.Run(Sh.cmd(argv.toArray(String[]::new)))), List.of(),
        "resized " + path + " from " + Sizes.human(image.virtualSize()) + " to " + Sizes.human(size), data);
  }

  /** Plans what needs no reading of an image: removing a file, or creating a missing one. */
  private Change withoutQemuImg(Params params, String path, String source, Long size, Probe p)
      throws ModuleException {
    boolean exists = p.is("target", "present");
    if (params.str("state").equals("absent")) {
      return exists ? Change.of(new Step.Run(Sh.cmd("rm", "-f", "--", path))).withMsg("removed " + path)
          : Change.none(path + " is absent");
    }
    if (exists || source != null) {
      throw new ModuleException("qemu-img not found on the host, so " + (exists ? path : source)
          + " cannot be inspected: install qemu-utils/qemu-img (install_packages) first");
    }
    Change.Pending c = create(params, path, null, size, p);
    return c.withMsg("qemu-img not installed yet; will create " + path);
  }

  private Change.Pending create(Params params, String path, String source, Long size, Probe p) throws ModuleException {
    String format = params.opt("format").orElse("qcow2");
    List<String> options = new ArrayList<>();
    params.opt("preallocation").ifPresent(v -> options.add("preallocation=" + v));
    List<Step> steps = new ArrayList<>();
    long virtualSize;
    if (source != null) {
      Image from = image(p, "source");
      if (!from.exists()) {
        throw new ModuleException("cannot convert: " + source + " does not exist");
      }
      List<String> argv = new ArrayList<>(List.of("qemu-img", "convert", "-f", from.format(), "-O", format));
      if (!options.isEmpty()) {
        argv.addAll(List.of("-o", String.join(",", options)));
      }
      argv.addAll(List.of(source, path));
      steps.add(new Step.Run(Sh.cmd(argv.toArray(String[]::new))));
      virtualSize = from.virtualSize();
      if (size != null && size < virtualSize && !params.bool("shrink")) {
        throw new ModuleException("would shrink the copy of " + source + " from " + Sizes.human(virtualSize)
            + " to " + Sizes.human(size) + ": set shrink: true to allow it");
      }
      if (size != null && size != virtualSize) {
        steps.add(new Step.Run(Sh.cmd("qemu-img", "resize", "-f", format) + (size < virtualSize ? " --shrink " : " ")
            + Sh.cmd(path, Long.toString(size))));
        virtualSize = size;
      }
    } else {
      String backing = params.str("backing_file");
      if (size == null && backing == null) {
        throw new ModuleException("size is required to create " + path + " (or give backing_file)");
      }
      List<String> argv = new ArrayList<>(List.of("qemu-img", "create", "-f", format));
      if (backing != null) {
        argv.addAll(List.of("-b", backing));
        params.opt("backing_format").ifPresent(f -> argv.addAll(List.of("-F", f)));
      }
      if (!options.isEmpty()) {
        argv.addAll(List.of("-o", String.join(",", options)));
      }
      argv.add(path);
      if (size != null) {
        argv.add(Sizes.human(size));
      }
      steps.add(new Step.Run(Sh.cmd(argv.toArray(String[]::new))));
      virtualSize = size == null ? 0 : size;
    }
    return new Change.Pending(steps, List.of(), "created " + path, data(path, format, virtualSize, 0));
  }

  private static Image image(Probe p, String name) throws ModuleException {
    if (!p.is(name, "present")) {
      return new Image(false, null, 0, 0, null);
    }
    try {
      JsonNode n = JSON.readTree(p.body(name));
      JsonNode backing = n.get("backing-filename");
      return new Image(true, n.path("format").asText(), n.path("virtual-size").asLong(),
          n.path("actual-size").asLong(), backing == null ? null : backing.asText());
    } catch (IOException e) {
      throw new ModuleException("could not read qemu-img info output: " + e.getMessage());
    }
  }

  private static Map<String, Object> data(String path, String format, long virtualSize, long actualSize) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("path", path);
    d.put("format", format);
    d.put("virtual_size", virtualSize);
    d.put("actual_size", actualSize);
    return d;
  }
}
