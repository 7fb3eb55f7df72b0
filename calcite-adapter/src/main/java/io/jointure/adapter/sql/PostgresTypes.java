package io.jointure.adapter.sql;

import io.jointure.adapter.SqlTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps PostgreSQL catalog types to the SQL types Jointure exposes. Calcite's own JDBC adapter maps
 * uuid, json and timestamptz to ANY; this keeps them typed. Types with no SQL counterpart
 * (interval, inet, enums, ...) are exposed as VARCHAR holding PostgreSQL's text form.
 */
final class PostgresTypes {
  private PostgresTypes() {
  }

  /**
   * @param typeName    pg_type.typname of the column's (base) type, e.g. {@code int4}, {@code _text}
   * @param elementName pg_type.typname of the element type when {@code typeName} is an array
   * @param typmod      pg_attribute.atttypmod (-1 when the type has no modifier)
   */
  static SqlTypeSpec map(String typeName, String elementName, int typmod) {
    if (elementName != null) {
      return SqlTypeSpec.arrayOf(map(elementName, null, typmod));
    }
    switch (typeName) {
      case "int2":
        return SqlTypeSpec.of(SqlTypeName.SMALLINT);
      case "int4":
        return SqlTypeSpec.of(SqlTypeName.INTEGER);
      case "int8":
      case "oid":
        return SqlTypeSpec.of(SqlTypeName.BIGINT);
      case "numeric":
        if (typmod < 4) {
          return SqlTypeSpec.UNCONSTRAINED_NUMERIC;
        }
        return SqlTypeSpec.of(SqlTypeName.DECIMAL, ((typmod - 4) >> 16) & 0xffff,
            (typmod - 4) & 0xffff);
      case "float4":
        return SqlTypeSpec.of(SqlTypeName.REAL);
      case "float8":
        return SqlTypeSpec.of(SqlTypeName.DOUBLE);
      case "bool":
        return SqlTypeSpec.of(SqlTypeName.BOOLEAN);
      case "varchar":
        return typmod >= 4 ? SqlTypeSpec.of(SqlTypeName.VARCHAR, typmod - 4)
            : SqlTypeSpec.of(SqlTypeName.VARCHAR);
      case "bpchar":
        return SqlTypeSpec.of(SqlTypeName.CHAR, typmod >= 4 ? typmod - 4 : 1);
      case "date":
        return SqlTypeSpec.of(SqlTypeName.DATE);
      case "time":
        return SqlTypeSpec.of(SqlTypeName.TIME, fractionalDigits(typmod));
      case "timestamp":
        return SqlTypeSpec.of(SqlTypeName.TIMESTAMP, fractionalDigits(typmod));
      case "timestamptz":
        // As PostgreSQL's own driver does: a TIMESTAMP in the client's time zone (pgjdbc sets the
        // session's TimeZone to it), so values, filters and getTimestamp() agree on the instant.
        return SqlTypeSpec.of(SqlTypeName.TIMESTAMP, fractionalDigits(typmod));
      case "uuid":
        return SqlTypeSpec.of(SqlTypeName.UUID);
      case "bytea":
        return SqlTypeSpec.of(SqlTypeName.VARBINARY);
      default:
        // text, name, json, jsonb, xml, interval, inet, money, enums, ...: their text form.
        return SqlTypeSpec.of(SqlTypeName.VARCHAR);
    }
  }

  /**
   * Calcite keeps time values in milliseconds, so at most 3 fractional digits are exposed;
   * PostgreSQL's default is 6.
   */
  private static int fractionalDigits(int typmod) {
    return typmod < 0 ? 3 : Math.min(typmod, 3);
  }
}
