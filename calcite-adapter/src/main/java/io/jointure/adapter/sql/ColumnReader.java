package io.jointure.adapter.sql;

import io.jointure.sql.values.IntervalText;
import io.jointure.sql.values.SqlValues;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads one column of a source's result set into Calcite's internal representation of its SQL
 * type: DATE as days since the epoch, TIME as milliseconds of the day, TIMESTAMP as milliseconds
 * since the epoch (wall-clock time read as UTC), TIMESTAMP WITH LOCAL TIME ZONE as the instant's
 * milliseconds, VARBINARY as {@link ByteString}, ARRAY as {@link List}.
 */
@FunctionalInterface
interface ColumnReader {
  Object read(ResultSet rs, int column) throws SQLException;

  /**
   * @param nativeType the source's name for the column's type, as its result set reports it;
   *                   a timestamp with time zone is read as wall-clock time in this JVM's zone
   */
  static ColumnReader of(RelDataType type, String nativeType) {
    SqlTypeName name = type.getSqlTypeName();
    if (name == SqlTypeName.TIMESTAMP && "timestamptz".equalsIgnoreCase(nativeType)) {
      return (rs, i) -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : SqlValues.toInternal(
            t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime(), SqlTypeName.TIMESTAMP);
      };
    }
    return switch (name) {
      case TINYINT -> nullable((rs, i) -> rs.getByte(i));
      case SMALLINT -> nullable((rs, i) -> rs.getShort(i));
      case INTEGER -> nullable((rs, i) -> rs.getInt(i));
      case BIGINT -> nullable((rs, i) -> rs.getLong(i));
      case REAL -> nullable((rs, i) -> rs.getFloat(i));
      case FLOAT, DOUBLE -> nullable((rs, i) -> rs.getDouble(i));
      case BOOLEAN -> nullable((rs, i) -> rs.getBoolean(i));
      case DECIMAL -> (rs, i) -> rs.getBigDecimal(i);
      case CHAR, VARCHAR -> (rs, i) -> rs.getString(i);
      case VARBINARY, BINARY -> (rs, i) -> {
        byte[] bytes = rs.getBytes(i);
        return bytes == null ? null : new ByteString(bytes);
      };
      case DATE -> (rs, i) -> SqlValues.toInternal(rs.getObject(i, LocalDate.class), name);
      case TIME -> (rs, i) -> SqlValues.toInternal(rs.getObject(i, LocalTime.class), name);
      case TIMESTAMP ->
          (rs, i) -> SqlValues.toInternal(rs.getObject(i, LocalDateTime.class), name);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          (rs, i) -> SqlValues.toInternal(rs.getObject(i, OffsetDateTime.class), name);
      case UUID -> (rs, i) -> SqlValues.toInternal(rs.getObject(i), name);
      // An interval a source computed (timestamp - timestamp), read from PostgreSQL's text.
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND,
          INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
          INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : IntervalText.parse(text).dayTimeMillis();
          };
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> (rs, i) -> {
        String text = rs.getString(i);
        return text == null ? null : IntervalText.parse(text).months();
      };
      case ARRAY -> {
        SqlTypeName element = type.getComponentType().getSqlTypeName();
        yield (rs, i) -> {
          Array array = rs.getArray(i);
          if (array == null) {
            return null;
          }
          Object[] values = (Object[]) array.getArray();
          List<Object> list = new ArrayList<>(values.length);
          for (Object value : values) {
            list.add(SqlValues.toInternal(value, element));
          }
          return list;
        };
      }
      default -> (rs, i) -> rs.getString(i);
    };
  }

  private static ColumnReader nullable(ColumnReader primitiveRead) {
    return (rs, i) -> {
      Object value = primitiveRead.read(rs, i);
      return rs.wasNull() ? null : value;
    };
  }

}
