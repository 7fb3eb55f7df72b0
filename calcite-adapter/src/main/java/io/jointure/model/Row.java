package io.jointure.model;

import java.util.Map;

/**
 * A row handed to a Java computed field: the values of the field's dependencies, by column name.
 *
 * @param values column name to value (numbers, strings, booleans, BigDecimal,
 *               java.time LocalDate/LocalTime/LocalDateTime, lists, or null); a function may
 *               answer java.time or java.sql date and time values
 */
public record Row(Map<String, Object> values) {
  public Object get(String column) {
    if (!values.containsKey(column)) {
      throw new IllegalArgumentException("'" + column + "' is not a dependency of this field;"
          + " dependencies: " + values.keySet());
    }
    return values.get(column);
  }
}
