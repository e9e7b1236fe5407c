package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ModuleException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Disk sizes as qemu-img reads them: a byte count or a number with K/M/G/T/P/E (powers of 1024). */
final class Sizes {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtpe]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);
  private static final String UNITS = "kmgtpe";

  private Sizes() {}

  /** Bytes, rounded up to whole 512-byte sectors as qemu-img does. */
  static long parse(String param, String text) throws ModuleException {
    Matcher m = SIZE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new ModuleException(param + " '" + text + "' is not a size like 10G, 512M, 1T or a byte count");
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit) + 1;
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
    try {
      long b = bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
      return (b + 511) / 512 * 512;
    } catch (ArithmeticException e) {
      throw new ModuleException(param + " '" + text + "' is too large");
    }
  }

  /** A readable form: 10G rather than 10737418240 when exact. */
  static String human(long bytes) {
    for (int p = UNITS.length(); p > 0; p--) {
      long unit = 1L << (10 * p);
      if (bytes >= unit && bytes % unit == 0) {
        return bytes / unit + UNITS.substring(p - 1, p).toUpperCase(Locale.ROOT);
      }
    }
    return Long.toString(bytes);
  }
}
