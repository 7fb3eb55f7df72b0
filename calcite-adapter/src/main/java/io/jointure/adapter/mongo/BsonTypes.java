package io.jointure.adapter.mongo;

import io.jointure.adapter.SqlTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.BsonType;

/**
 * The SQL type of a BSON value, and how two observed types widen into one column type:
 * int + long is BIGINT, integers + double is DOUBLE, integers + decimal is DECIMAL, and any other
 * mix (a string among numbers, say) is VARCHAR.
 */
final class BsonTypes {
  private BsonTypes() {
  }

  /** The column type for a scalar BSON type; null for null/undefined, which say nothing. */
  static SqlTypeSpec of(BsonType type) {
    return switch (type) {
      case INT32 -> SqlTypeSpec.of(SqlTypeName.INTEGER);
      case INT64 -> SqlTypeSpec.of(SqlTypeName.BIGINT);
      case DOUBLE -> SqlTypeSpec.of(SqlTypeName.DOUBLE);
      case DECIMAL128 -> SqlTypeSpec.UNCONSTRAINED_NUMERIC;
      case BOOLEAN -> SqlTypeSpec.of(SqlTypeName.BOOLEAN);
      case DATE_TIME -> SqlTypeSpec.of(SqlTypeName.TIMESTAMP, 3);
      case BINARY -> SqlTypeSpec.of(SqlTypeName.VARBINARY);
      case NULL, UNDEFINED -> null;
      // strings, ObjectIds (as hex), documents inside arrays (as JSON), and everything else
      default -> SqlTypeSpec.of(SqlTypeName.VARCHAR);
    };
  }

  /** The narrowest type that holds values of both; either may be null (nothing seen yet). */
  static SqlTypeSpec widen(SqlTypeSpec a, SqlTypeSpec b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (a.name() == SqlTypeName.ARRAY && b.name() == SqlTypeName.ARRAY) {
      return SqlTypeSpec.arrayOf(widen(a.element(), b.element()));
    }
    int ra = numericRank(a.name());
    int rb = numericRank(b.name());
    if (ra > 0 && rb > 0) {
      SqlTypeName wider = ra >= rb ? a.name() : b.name();
      if ((a.name() == SqlTypeName.DOUBLE || b.name() == SqlTypeName.DOUBLE)) {
        return SqlTypeSpec.of(SqlTypeName.DOUBLE);
      }
      return wider == SqlTypeName.DECIMAL ? SqlTypeSpec.UNCONSTRAINED_NUMERIC
          : SqlTypeSpec.of(wider);
    }
    return SqlTypeSpec.of(SqlTypeName.VARCHAR);
  }

  private static int numericRank(SqlTypeName name) {
    return switch (name) {
      case INTEGER -> 1;
      case BIGINT -> 2;
      case DECIMAL -> 3;
      case DOUBLE -> 4;
      default -> 0;
    };
  }
}
