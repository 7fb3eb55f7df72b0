package io.jointure.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one query may take: how long it runs and how much memory the rows it keeps may use. Set at
 * the top of the model ({@code queryTimeoutSeconds:}, {@code maxMemory:}) or as connection
 * properties of the same names, which win.
 *
 * @param queryTimeoutSeconds the default timeout of a statement; 0 for none
 * @param maxMemoryBytes      the most bytes of rows one query keeps in Jointure; 0 for the default
 */
public record QueryLimits(int queryTimeoutSeconds, long maxMemoryBytes) {
  public static final String QUERY_TIMEOUT_SECONDS = "queryTimeoutSeconds";
  public static final String MAX_MEMORY = "maxMemory";

  private static final Pattern BYTES =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  /**
   * The default memory limit of a query: half the JVM's heap, so that one query cannot take the
   * memory every other query needs.
   */
  public static long defaultMaxMemory() {
    return Runtime.getRuntime().maxMemory() / 2;
  }

  /**
   * A timeout as written in a model or a property: whole seconds, 0 for none.
   *
   * @throws IllegalArgumentException with a message saying what is accepted
   */
  public static int parseTimeoutSeconds(String text) {
    String trimmed = text.trim();
    // Calcite keeps a statement's timeout in milliseconds, as an int.
    if (!trimmed.matches("\\d{1,7}")) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of seconds"
          + " (0 for no timeout, at most 9999999)");
    }
    return Integer.parseInt(trimmed);
  }

  /**
   * A size as written in a model or a property: bytes, or a number with {@code KB}, {@code MB} or
   * {@code GB} (powers of 1024).
   *
   * @throws IllegalArgumentException with a message saying what is accepted
   */
  public static long parseBytes(String text) {
    Matcher m = BYTES.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size; write bytes or a number"
          + " with KB, MB or GB, e.g. 512MB");
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int shift = switch (unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("'" + text + "' is not a positive size");
    }
    return value << shift;
  }

  /** A size for a message: {@code 512 MB}, {@code 64 KB}, {@code 1000 bytes}. */
  public static String shown(long bytes) {
    if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GB";
    }
    if (bytes >= (1L << 20)) {
      return (bytes >> 20) + " MB";
    }
    if (bytes >= (1L << 10)) {
      return (bytes >> 10) + " KB";
    }
    return bytes + " bytes";
  }
}
