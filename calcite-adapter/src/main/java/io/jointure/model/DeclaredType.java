package io.jointure.model;

import io.jointure.sql.errors.Suggestions;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL type written in a model: a name with optional precision and scale, optionally followed by
 * {@code ARRAY} ({@code VARCHAR}, {@code DECIMAL(12,2)}, {@code BIGINT ARRAY}).
 *
 * @param name      upper-case type name
 * @param precision precision, or -1
 * @param scale     scale, or -1
 * @param array     whether the column holds an array of this type
 */
public record DeclaredType(String name, int precision, int scale, boolean array) {
  /** The type names a model may use. */
  public static final Set<String> NAMES = Set.of("BOOLEAN", "SMALLINT", "INTEGER", "BIGINT",
      "DECIMAL", "REAL", "DOUBLE", "VARCHAR", "CHAR", "DATE", "TIME", "TIMESTAMP", "VARBINARY",
      "UUID");

  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*([A-Za-z]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(ARRAY)?\\s*",
      Pattern.CASE_INSENSITIVE);

  /**
   * Parses a declared type.
   *
   * @throws IllegalArgumentException with a message that lists the valid names
   */
  public static DeclaredType parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a SQL type; write e.g. VARCHAR,"
          + " BIGINT, DECIMAL(12,2) or VARCHAR ARRAY");
    }
    String name = m.group(1).toUpperCase(Locale.ROOT);
    name = switch (name) {
      case "INT" -> "INTEGER";
      case "STRING", "TEXT" -> "VARCHAR";
      case "NUMERIC" -> "DECIMAL";
      case "FLOAT" -> "DOUBLE";
      case "BOOL" -> "BOOLEAN";
      default -> name;
    };
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown type '" + m.group(1) + "'"
          + Suggestions.didYouMean(name, NAMES) + "; use one of "
          + String.join(", ", NAMES.stream().sorted().toList()));
    }
    int precision = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
    int scale = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
    return new DeclaredType(name, precision, scale, m.group(4) != null);
  }
}
