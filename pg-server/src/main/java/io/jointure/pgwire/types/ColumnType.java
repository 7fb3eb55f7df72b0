package io.jointure.pgwire.types;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * The PostgreSQL type of a Jointure result column or parameter: the base type, whether it is an
 * array of it, and the type modifier PostgreSQL would report (varchar(n), numeric(p,s),
 * timestamp(p)); -1 when none; and for a numeric, the scale its values are shown with (-1: theirs).
 */
public record ColumnType(PgType type, boolean array, int modifier, int scale) {
  /** PostgreSQL's typmods carry a 4-byte header (VARHDRSZ) for varchar and numeric. */
  private static final int VARHDRSZ = 4;

  public ColumnType(PgType type, boolean array, int modifier) {
    this(type, array, modifier, -1);
  }

  public int oid() {
    return array ? type.arrayOid : type.oid;
  }

  public short length() {
    return array ? -1 : type.length;
  }

  public static ColumnType of(ResultSetMetaData md, int column) throws SQLException {
    return of(md.getColumnType(column), md.getColumnTypeName(column), md.getPrecision(column),
        md.getScale(column));
  }

  /** The type of a column known by its JDBC type, type name, precision and scale. */
  public static ColumnType of(int jdbcType, String typeName, int precision, int scale) {
    if (jdbcType == Types.ARRAY) {
      // "INTEGER ARRAY", "INTEGER NOT NULL ARRAY" (an array of literals), "_int4"
      String element = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT)
          .replace(" NOT NULL", "").replace(" ARRAY", "").replace("[]", "").strip();
      return new ColumnType(ofName(element), true, -1);
    }
    PgType type = ofJdbc(jdbcType, typeName);
    if (type == PgType.VARCHAR && !hasLength(precision)) {
      type = PgType.TEXT; // a string without a length is PostgreSQL's text
    }
    return new ColumnType(type, false, modifier(type, precision, scale),
        type == PgType.NUMERIC ? scale : -1);
  }

  /** The type of a parameter Calcite inferred. */
  public static ColumnType ofParameter(int jdbcType, String typeName, int precision, int scale) {
    if (jdbcType == Types.ARRAY) {
      return new ColumnType(PgType.TEXT, true, -1);
    }
    PgType type = ofJdbc(jdbcType, typeName);
    return new ColumnType(type, false, modifier(type, precision, scale));
  }

  static PgType ofJdbc(int jdbcType, String typeName) {
    switch (jdbcType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return PgType.BOOL;
      case Types.TINYINT:
      case Types.SMALLINT:
        return PgType.INT2;
      case Types.INTEGER:
        return PgType.INT4;
      case Types.BIGINT:
        return PgType.INT8;
      case Types.REAL:
        return PgType.FLOAT4;
      case Types.FLOAT:
      case Types.DOUBLE:
        return PgType.FLOAT8;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return PgType.NUMERIC;
      case Types.CHAR:
        return PgType.BPCHAR;
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NVARCHAR:
      case Types.NCHAR:
        return PgType.VARCHAR;
      case Types.CLOB:
        return PgType.TEXT;
      case Types.DATE:
        return PgType.DATE;
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return PgType.TIME;
      case Types.TIMESTAMP:
        return PgType.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return PgType.TIMESTAMPTZ;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return PgType.BYTEA;
      default:
        return ofName(typeName == null ? "" : typeName.toUpperCase(Locale.ROOT));
    }
  }

  /** Types Calcite names but JDBC has no code for (intervals, UUID, JSON). */
  private static PgType ofName(String name) {
    if (name.startsWith("INTERVAL")) {
      return PgType.INTERVAL;
    }
    switch (name) {
      case "BOOLEAN": return PgType.BOOL;
      case "TINYINT": case "SMALLINT": return PgType.INT2;
      case "INTEGER": return PgType.INT4;
      case "BIGINT": return PgType.INT8;
      case "REAL": return PgType.FLOAT4;
      case "FLOAT": case "DOUBLE": return PgType.FLOAT8;
      case "DECIMAL": return PgType.NUMERIC;
      case "DATE": return PgType.DATE;
      case "TIME": return PgType.TIME;
      case "TIMESTAMP": return PgType.TIMESTAMP;
      case "TIMESTAMP_WITH_LOCAL_TIME_ZONE": case "TIMESTAMP WITH LOCAL TIME ZONE":
        return PgType.TIMESTAMPTZ;
      case "UUID": return PgType.UUID;
      case "JSON": return PgType.JSON;
      case "JSONB": return PgType.JSONB;
      case "VARBINARY": case "BINARY": return PgType.BYTEA;
      default: return PgType.TEXT;
    }
  }

  /** PostgreSQL's varchar lengths end at 10485760; longer or none is no declared length. */
  private static boolean hasLength(int precision) {
    return precision > 0 && precision <= 10_485_760;
  }

  private static int modifier(PgType type, int precision, int scale) {
    switch (type) {
      case VARCHAR:
      case BPCHAR:
        return hasLength(precision) ? precision + VARHDRSZ : -1;
      case NUMERIC:
        // None, as PostgreSQL for a computed numeric: a source's value may carry more digits
        // than the type Jointure derived (a division done in PostgreSQL), and clients that
        // read a scale from the modifier refuse such values.
        return -1;
      case TIMESTAMP:
      case TIMESTAMPTZ:
      case TIME:
        return precision >= 0 && precision <= 6 ? precision : -1;
      default:
        return -1;
    }
  }

  /**
   * A JDBC array's elements as objects: Calcite gives {@code int[]} for an array of literals,
   * {@code Object[]} for a column's.
   */
  static Object[] elements(java.sql.Array array) throws java.sql.SQLException {
    Object items = array.getArray();
    if (items instanceof Object[] objects) {
      return objects;
    }
    Object[] boxed = new Object[java.lang.reflect.Array.getLength(items)];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = java.lang.reflect.Array.get(items, i);
    }
    return boxed;
  }
}
