package io.jointure.adapter;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system widened to what the sources hold: DECIMAL up to PostgreSQL's 1000 digits
 * (Calcite's default stops at 19, which would truncate numeric(30,2)).
 */
public final class JointureTypeSystem extends RelDataTypeSystemImpl {
  public static final int MAX_DECIMAL_PRECISION = 1000;
  public static final JointureTypeSystem INSTANCE = new JointureTypeSystem();

  private JointureTypeSystem() {
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }
}
