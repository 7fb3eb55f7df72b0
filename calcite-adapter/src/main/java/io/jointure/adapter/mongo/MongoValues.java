package io.jointure.adapter.mongo;

import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts values read from MongoDB to Calcite's internal representation of the column's SQL
 * type. Dates are instants, shown as wall-clock TIMESTAMPs in this JVM's time zone (as PostgreSQL
 * timestamptz columns are). A value that does not fit its column (a string in an INTEGER column
 * that sampling did not see) is an error naming the field, never a silent NULL.
 */
final class MongoValues {
  /** The text of a timestamp a pipeline computed: MongoExpressions' $dateToString formats. */
  private static final DateTimeFormatter COMPUTED_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private MongoValues() {
  }

  /** Reads a dotted path from a document; null when any part is missing. */
  static Object at(Document document, String path) {
    Object current = document;
    int start = 0;
    while (true) {
      if (!(current instanceof Document d)) {
        return null;
      }
      int dot = path.indexOf('.', start);
      String key = dot < 0 ? path.substring(start) : path.substring(start, dot);
      current = d.get(key);
      if (dot < 0) {
        return current;
      }
      start = dot + 1;
    }
  }

  /**
   * @throws IllegalArgumentException when the value does not fit the type
   */
  static Object toInternal(Object value, RelDataType type) {
    if (value == null) {
      return null;
    }
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case VARCHAR:
      case CHAR:
        if (value instanceof String s) {
          return s;
        }
        if (value instanceof ObjectId id) {
          return id.toHexString();
        }
        if (value instanceof Document d) {
          return d.toJson();
        }
        if (value instanceof Date date) {
          return SqlValues.timestamp(SqlValues.wallClockMillis(date.toInstant())).toString();
        }
        return String.valueOf(value);
      case INTEGER:
      case BIGINT:
      case SMALLINT: {
        // Exactly, or not at all: 5000000000 in an INTEGER column, or 2.9, is an error.
        try {
          return SqlValues.exactInteger(decimal(number(value, type)), name);
        } catch (ArithmeticException e) {
          throw mismatch(value, type);
        }
      }
      case DOUBLE:
      case FLOAT:
        return number(value, type).doubleValue();
      case REAL:
        return number(value, type).floatValue();
      case DECIMAL:
        return decimal(number(value, type));
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        break;
      case TIMESTAMP:
        if (value instanceof Date date) {
          return SqlValues.wallClockMillis(date.toInstant());
        }
        if (value instanceof String text) {
          try {
            // A wall-clock time the pipeline computed ($dateToString of a date_trunc).
            return SqlValues.millis(LocalDateTime.parse(text, COMPUTED_TIMESTAMP));
          } catch (DateTimeParseException e) {
            // other text is no timestamp: a mismatch
          }
        }
        break;
      case DATE:
        if (value instanceof Date date) {
          return SqlValues.dateOf(SqlValues.wallClockMillis(date.toInstant()));
        }
        break;
      case VARBINARY:
      case BINARY:
        if (value instanceof Binary binary) {
          return new ByteString(binary.getData());
        }
        break;
      case UUID:
        if (value instanceof UUID) {
          return value;
        }
        if (value instanceof String s) {
          return UUID.fromString(s);
        }
        break;
      case ARRAY:
        if (value instanceof List<?> items) {
          List<Object> list = new ArrayList<>(items.size());
          for (Object item : items) {
            list.add(toInternal(item instanceof Document d ? d.toJson() : item,
                type.getComponentType()));
          }
          return list;
        }
        break;
      default:
        return String.valueOf(value);
    }
    throw mismatch(value, type);
  }

  private static Number number(Object value, RelDataType type) {
    if (value instanceof Decimal128 d) {
      return d.bigDecimalValue();
    }
    if (value instanceof Number n) {
      return n;
    }
    throw mismatch(value, type);
  }

  private static BigDecimal decimal(Number n) {
    try {
      return SqlValues.decimal(n);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static IllegalArgumentException mismatch(Object value, RelDataType type) {
    return new IllegalArgumentException("a " + value.getClass().getSimpleName() + " value ("
        + abbreviate(String.valueOf(value)) + ") where the column is " + type.getFullTypeString());
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
