package io.jointure.adapter.sql;

import io.jointure.adapter.JointureTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's PostgreSQL dialect with PostgreSQL's real DECIMAL limits: Calcite's default caps the
 * casts it writes at DECIMAL(19, s), which overflows on ordinary averages.
 */
final class PostgresDialect {
  private static final RelDataTypeSystem TYPES = new RelDataTypeSystemImpl() {
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
      return switch (typeName) {
        case DECIMAL -> JointureTypeSystem.MAX_DECIMAL_PRECISION;
        default -> PostgresqlSqlDialect.POSTGRESQL_TYPE_SYSTEM.getMaxPrecision(typeName);
      };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? JointureTypeSystem.MAX_DECIMAL_PRECISION
          : super.getMaxScale(typeName);
    }
  };

  static final SqlDialect INSTANCE =
      new PostgresqlSqlDialect(PostgresqlSqlDialect.DEFAULT_CONTEXT.withDataTypeSystem(TYPES));

  private PostgresDialect() {
  }
}
