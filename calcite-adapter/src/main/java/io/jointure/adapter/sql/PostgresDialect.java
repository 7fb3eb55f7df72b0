package io.jointure.adapter.sql;

import io.jointure.sql.functions.PostgresFunction;
import io.jointure.sql.types.JointureTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's PostgreSQL dialect, with PostgreSQL's real DECIMAL limits (Calcite's default caps
 * the casts it writes at DECIMAL(19, s), which overflows on ordinary averages), and Jointure's
 * PostgreSQL functions written as PostgreSQL spells them ({@code date_trunc('month', x)},
 * {@code CAST(x AS integer)}).
 */
final class PostgresDialect extends PostgresqlSqlDialect {
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
      new PostgresDialect(PostgresqlSqlDialect.DEFAULT_CONTEXT.withDataTypeSystem(TYPES));

  private PostgresDialect(Context context) {
    super(context);
  }

  /**
   * PostgreSQL's aggregates beyond Calcite's default list: a GROUP BY with them runs in the
   * database too.
   */
  @Override
  public boolean supportsAggregateFunction(SqlKind kind) {
    return switch (kind) {
      case AVG, STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP, BIT_AND, BIT_OR, PERCENTILE_CONT,
          PERCENTILE_DISC, STRING_AGG, ARRAY_AGG -> true;
      default -> super.supportsAggregateFunction(kind);
    };
  }

  /** Whether the dialect writes Jointure's PostgreSQL functions (other databases lack them). */
  static boolean writesPostgresFunctions(SqlDialect dialect) {
    return dialect instanceof PostgresDialect;
  }

  /**
   * A double literal as a double: PostgreSQL reads {@code 2.5E0} as numeric, which rounds (and
   * divides) otherwise.
   */
  @Override
  public void unparseNumericLiteral(SqlWriter writer, String value, int leftPrec,
      int rightPrec) {
    if (value.contains("E")) {
      writer.print("CAST(" + value + " AS DOUBLE PRECISION)");
    } else {
      super.unparseNumericLiteral(writer, value, leftPrec, rightPrec);
    }
  }

  /** A negative interval as PostgreSQL reads one: the sign inside the string. */
  @Override
  public void unparseSqlIntervalLiteral(SqlWriter writer, SqlIntervalLiteral literal,
      int leftPrec, int rightPrec) {
    SqlIntervalLiteral.IntervalValue interval =
        literal.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    writer.keyword("INTERVAL");
    writer.literal("'" + (interval.getSign() == -1 ? "-" : "") + interval.getIntervalLiteral()
        + "'");
    unparseSqlIntervalQualifier(writer, interval.getIntervalQualifier(),
        RelDataTypeSystem.DEFAULT);
  }

  /** PostgreSQL writes interval qualifiers without precisions: {@code DAY TO SECOND}. */
  @Override
  public void unparseSqlIntervalQualifier(SqlWriter writer, SqlIntervalQualifier qualifier,
      RelDataTypeSystem typeSystem) {
    if (qualifier.timeFrameName != null) {
      super.unparseSqlIntervalQualifier(writer, qualifier, typeSystem);
      return;
    }
    writer.keyword(qualifier.timeUnitRange.startUnit.name());
    if (qualifier.timeUnitRange.endUnit != null) {
      writer.keyword("TO");
      writer.keyword(qualifier.timeUnitRange.endUnit.name());
    }
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() instanceof PostgresFunction function) {
      function.unparsePostgres(writer, call, leftPrec, rightPrec);
    } else {
      super.unparseCall(writer, call, leftPrec, rightPrec);
    }
  }
}
