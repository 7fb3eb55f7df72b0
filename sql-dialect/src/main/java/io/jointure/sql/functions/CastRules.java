package io.jointure.sql.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Which casts follow PostgreSQL's rules instead of Calcite's, and the function each runs. */
final class CastRules {
  private CastRules() {
  }

  /** Jointure's function for a cast from one type to another, or null for Calcite's cast. */
  static PostgresFunction of(RelDataType from, RelDataType to) {
    SqlTypeName source = from.getSqlTypeName();
    SqlTypeName target = to.getSqlTypeName();
    boolean toText = SqlTypeUtil.isCharacter(to);
    if (SqlTypeUtil.isCharacter(from) && target == SqlTypeName.BOOLEAN) {
      return PostgresFunctions.TEXT_TO_BOOLEAN;
    }
    if (SqlTypeUtil.isCharacter(from) && target == SqlTypeName.TIMESTAMP) {
      return PostgresFunctions.TEXT_TO_TIMESTAMP;
    }
    if (SqlTypeUtil.isCharacter(from) && target == SqlTypeName.DATE) {
      return PostgresFunctions.TEXT_TO_DATE;
    }
    // PostgreSQL casts int4 (not int8) to boolean.
    if ((source == SqlTypeName.INTEGER || source == SqlTypeName.SMALLINT
        || source == SqlTypeName.TINYINT) && target == SqlTypeName.BOOLEAN) {
      return PostgresFunctions.INTEGER_TO_BOOLEAN;
    }
    if (source == SqlTypeName.BOOLEAN && toText) {
      return PostgresFunctions.BOOLEAN_TO_TEXT;
    }
    if ((source == SqlTypeName.DOUBLE || source == SqlTypeName.FLOAT) && toText) {
      return PostgresFunctions.DOUBLE_TO_TEXT;
    }
    if (source == SqlTypeName.REAL && toText) {
      return PostgresFunctions.REAL_TO_TEXT;
    }
    if (source == SqlTypeName.TIMESTAMP && toText) {
      return PostgresFunctions.TIMESTAMP_TO_TEXT;
    }
    if (SqlTypeUtil.isInterval(from) && toText) {
      return source.getFamily() == SqlTypeName.INTERVAL_DAY_SECOND.getFamily()
          ? PostgresFunctions.DAY_TIME_INTERVAL_TO_TEXT
          : PostgresFunctions.YEAR_MONTH_INTERVAL_TO_TEXT;
    }
    boolean fromDecimal = source == SqlTypeName.DECIMAL;
    boolean fromFloat = SqlTypeUtil.isApproximateNumeric(from);
    if (fromDecimal || fromFloat) {
      return switch (target) {
        case INTEGER -> fromDecimal ? PostgresFunctions.DECIMAL_TO_INTEGER
            : PostgresFunctions.DOUBLE_TO_INTEGER;
        case BIGINT -> fromDecimal ? PostgresFunctions.DECIMAL_TO_BIGINT
            : PostgresFunctions.DOUBLE_TO_BIGINT;
        case SMALLINT -> fromDecimal ? PostgresFunctions.DECIMAL_TO_SMALLINT
            : PostgresFunctions.DOUBLE_TO_SMALLINT;
        default -> null;
      };
    }
    return null;
  }
}
