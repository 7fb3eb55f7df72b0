package io.jointure.sql.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system widened to what the sources hold: DECIMAL up to PostgreSQL's 1000 digits
 * (Calcite's default stops at 19, which would truncate numeric(30,2)); and aggregate result types
 * as PostgreSQL derives them, so an aggregate gives the same answer whether a source or Calcite
 * computes it: SUM of small integers is BIGINT (no int overflow), AVG of integers and decimals is
 * DECIMAL with 16 places and of floating-point numbers is DOUBLE (no truncation). SUM of BIGINT
 * stays BIGINT: Calcite's executor cannot add BIGINT values into a DECIMAL sum.
 */
public final class JointureTypeSystem extends RelDataTypeSystemImpl {
  public static final int MAX_DECIMAL_PRECISION = 1000;
  /**
   * The type of PostgreSQL's unconstrained {@code numeric} (a column, or {@code x::numeric}):
   * Calcite needs a scale; 16 places keep averages and quotients exact enough.
   */
  public static final int UNCONSTRAINED_NUMERIC_SCALE = 16;
  public static final JointureTypeSystem INSTANCE = new JointureTypeSystem();

  private JointureTypeSystem() {
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  /** Scale of an average of integers; PostgreSQL keeps at least 16 significant digits. */
  public static final int AVERAGE_SCALE = 16;

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
    RelDataType sum = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
      case REAL -> factory.createSqlType(SqlTypeName.REAL);
      default -> super.deriveSumType(factory, argumentType);
    };
    return factory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
    RelDataType average = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          factory.createSqlType(SqlTypeName.DECIMAL, 38, AVERAGE_SCALE);
      case REAL, FLOAT, DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      // PostgreSQL's average of numeric keeps at least 16 decimal places.
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL,
          Math.min(MAX_DECIMAL_PRECISION, argumentType.getPrecision() + AVERAGE_SCALE),
          Math.max(argumentType.getScale(), AVERAGE_SCALE));
      default -> super.deriveAvgAggType(factory, argumentType);
    };
    return factory.createTypeWithNullability(average, argumentType.isNullable());
  }

  /** 'big' and 'small' in one CASE are VARCHAR, not CHAR(5) padded with spaces, as in PostgreSQL. */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }
}
