package io.jointure.sql.validate;

import io.jointure.sql.types.JointureTypeSystem;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's names for types that Calcite spells otherwise ({@code text}, {@code int4},
 * {@code float8}, {@code timestamptz}, {@code jsonb}, ...), as in {@code x::text} or
 * {@code CAST(x AS int8)}: each becomes the type Jointure gives columns of that PostgreSQL type.
 */
final class PostgresTypeNames {
  private static final Map<String, SqlTypeName> ALIASES = Map.ofEntries(
      Map.entry("text", SqlTypeName.VARCHAR),
      Map.entry("name", SqlTypeName.VARCHAR),
      Map.entry("citext", SqlTypeName.VARCHAR),
      Map.entry("json", SqlTypeName.VARCHAR),
      Map.entry("jsonb", SqlTypeName.VARCHAR),
      Map.entry("bpchar", SqlTypeName.CHAR),
      Map.entry("int2", SqlTypeName.SMALLINT),
      Map.entry("int4", SqlTypeName.INTEGER),
      Map.entry("int8", SqlTypeName.BIGINT),
      Map.entry("float4", SqlTypeName.REAL),
      Map.entry("float8", SqlTypeName.DOUBLE),
      Map.entry("bool", SqlTypeName.BOOLEAN),
      // Jointure reads timestamptz as a TIMESTAMP in the session's (the JVM's) time zone.
      Map.entry("timestamptz", SqlTypeName.TIMESTAMP),
      Map.entry("timetz", SqlTypeName.TIME),
      Map.entry("bytea", SqlTypeName.VARBINARY));

  private PostgresTypeNames() {
  }

  /** The spec itself, or Calcite's type for a PostgreSQL type name. */
  static SqlDataTypeSpec resolve(SqlDataTypeSpec spec) {
    SqlTypeName type = null;
    if (spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named
        && named.getTypeName().isSimple()) {
      type = ALIASES.get(named.getTypeName().getSimple().toLowerCase(Locale.ROOT));
    } else if (spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
      if (basic.getTypeName().getSimple().equalsIgnoreCase("TIMESTAMP_WITH_TIME_ZONE")) {
        type = SqlTypeName.TIMESTAMP;
      } else if ((basic.getTypeName().getSimple().equalsIgnoreCase("TIMESTAMP")
          || basic.getTypeName().getSimple().equalsIgnoreCase("TIME"))
          && basic.getPrecision() < 0) {
        // PostgreSQL's timestamp and time keep fractions of seconds; Calcite's would round
        // them away (precision 0). Milliseconds are what Calcite holds.
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(
            SqlTypeName.valueOf(basic.getTypeName().getSimple().toUpperCase(Locale.ROOT)), 3,
            spec.getParserPosition()), spec.getTimeZone(), spec.getNullable(),
            spec.getParserPosition());
      } else if (basic.getTypeName().getSimple().equalsIgnoreCase("DECIMAL")
          && basic.getPrecision() < 0) {
        // numeric without precision keeps every digit, as PostgreSQL's unconstrained numeric.
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL,
            JointureTypeSystem.MAX_DECIMAL_PRECISION,
            JointureTypeSystem.UNCONSTRAINED_NUMERIC_SCALE,
            spec.getParserPosition()), spec.getTimeZone(), spec.getNullable(),
            spec.getParserPosition());
      }
    }
    if (type == null) {
      return spec;
    }
    int precision = type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIME ? 3 : -1;
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, precision,
        spec.getParserPosition()), spec.getTimeZone(), spec.getNullable(),
        spec.getParserPosition());
  }
}
