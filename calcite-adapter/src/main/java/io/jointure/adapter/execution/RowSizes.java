package io.jointure.adapter.execution;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The heap a kept row takes, estimated from its values as a 64-bit JVM with compressed pointers
 * lays them out: close enough for a memory limit, cheap enough to call for every kept row.
 */
final class RowSizes {
  private static final int OBJECT = 16;
  private static final int REFERENCE = 4;

  private RowSizes() {
  }

  static long estimate(Object row) {
    if (row instanceof Object[] values) {
      long size = OBJECT + (long) REFERENCE * values.length;
      for (Object value : values) {
        size += value(value);
      }
      return size;
    }
    return REFERENCE + value(row);
  }

  private static long value(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String s) {
      return OBJECT + 24 + s.length(); // the String and its (Latin-1) byte array
    }
    if (value instanceof Integer || value instanceof Float || value instanceof Short
        || value instanceof Byte || value instanceof Boolean || value instanceof Character) {
      return OBJECT;
    }
    if (value instanceof Long || value instanceof Double) {
      return OBJECT + 8;
    }
    if (value instanceof BigDecimal d) {
      return 40 + (d.precision() > 18 ? OBJECT + d.precision() / 2 : 0);
    }
    if (value instanceof byte[] bytes) {
      return OBJECT + bytes.length;
    }
    if (value instanceof Object[] nested) {
      return estimate(nested);
    }
    if (value instanceof Collection<?> list) {
      long size = OBJECT * 2 + (long) REFERENCE * list.size();
      for (Object element : list) {
        size += value(element);
      }
      return size;
    }
    if (value instanceof Map<?, ?> map) {
      long size = OBJECT * 2;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += 32 + value(entry.getKey()) + value(entry.getValue());
      }
      return size;
    }
    return OBJECT * 2;
  }
}
