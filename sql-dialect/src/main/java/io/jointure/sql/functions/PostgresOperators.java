package io.jointure.sql.functions;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlExtractFunction;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Operators whose PostgreSQL meaning is wider than Calcite's; the validator's rewriter puts
 * them in place of Calcite's before validation, and {@link PostgresConvertletTable} converts
 * them back to Calcite's where the operands are what Calcite takes:
 * {@code date + integer}, {@code date - integer} (a date), {@code date - date} (integer days),
 * {@code date ± interval} (a timestamp), {@code timestamp - timestamp} (an interval of days and
 * time), and {@code EXTRACT} answering numeric with PostgreSQL's
 * fields ({@code dow} from Sunday = 0, {@code epoch} with its fraction).
 */
public final class PostgresOperators {
  public static final SqlBinaryOperator PLUS = new DateArithmetic("+", SqlKind.PLUS,
      SqlStdOperatorTable.PLUS, OperandTypes.or(OperandTypes.PLUS_OPERATOR,
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE)));

  public static final SqlBinaryOperator MINUS = new DateArithmetic("-", SqlKind.MINUS,
      SqlStdOperatorTable.MINUS, OperandTypes.or(OperandTypes.MINUS_OPERATOR,
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.TIMESTAMP),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.DATE),
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.TIMESTAMP)));

  public static final SqlExtractFunction EXTRACT = new SqlExtractFunction("EXTRACT", false) {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      RelDataTypeFactory types = binding.getTypeFactory();
      return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 20, 6),
          binding.getOperandType(1).isNullable());
    }
  };

  private PostgresOperators() {
  }

  /** The Calcite operator a PostgreSQL one stands in for, or null. */
  public static SqlBinaryOperator calciteOf(org.apache.calcite.sql.SqlOperator op) {
    return op instanceof DateArithmetic arithmetic ? arithmetic.calcite : null;
  }

  /** What a date-arithmetic call with these operands computes. */
  enum DateCase { DATE_PLUS_DAYS, DAYS_PLUS_DATE, DATE_MINUS_DAYS, DAYS_BETWEEN,
    DATE_PLUS_INTERVAL, TIME_BETWEEN, NONE }

  static DateCase dateCase(SqlKind kind, RelDataType left, RelDataType right) {
    boolean leftDate = left.getSqlTypeName() == SqlTypeName.DATE;
    boolean rightDate = right.getSqlTypeName() == SqlTypeName.DATE;
    if (leftDate && SqlTypeUtil.isIntType(right)) {
      return kind == SqlKind.PLUS ? DateCase.DATE_PLUS_DAYS : DateCase.DATE_MINUS_DAYS;
    }
    if (rightDate && SqlTypeUtil.isIntType(left) && kind == SqlKind.PLUS) {
      return DateCase.DAYS_PLUS_DATE;
    }
    if (leftDate && rightDate && kind == SqlKind.MINUS) {
      return DateCase.DAYS_BETWEEN;
    }
    boolean leftTime = leftDate || left.getSqlTypeName() == SqlTypeName.TIMESTAMP;
    boolean rightTime = rightDate || right.getSqlTypeName() == SqlTypeName.TIMESTAMP;
    if (leftTime && rightTime && kind == SqlKind.MINUS) {
      return DateCase.TIME_BETWEEN;
    }
    if ((leftDate && SqlTypeUtil.isInterval(right))
        || (rightDate && SqlTypeUtil.isInterval(left) && kind == SqlKind.PLUS)) {
      return DateCase.DATE_PLUS_INTERVAL;
    }
    return DateCase.NONE;
  }

  /** The type of {@code timestamp - timestamp}: days and time, to milliseconds. */
  static RelDataType timeBetweenType(RelDataTypeFactory types) {
    return types.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
        org.apache.calcite.avatica.util.TimeUnit.DAY, 9,
        org.apache.calcite.avatica.util.TimeUnit.SECOND, 3,
        org.apache.calcite.sql.parser.SqlParserPos.ZERO));
  }

  /** {@code +} and {@code -} with PostgreSQL's date arithmetic besides Calcite's own. */
  private static final class DateArithmetic extends SqlMonotonicBinaryOperator {
    private final SqlBinaryOperator calcite;

    DateArithmetic(String name, SqlKind kind, SqlBinaryOperator calcite,
        org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
      super(name, kind, 40, true, binding -> returnType(kind, calcite, binding),
          InferTypes.FIRST_KNOWN, operands);
      this.calcite = calcite;
    }

    private static RelDataType returnType(SqlKind kind, SqlBinaryOperator calcite,
        SqlOperatorBinding binding) {
      List<RelDataType> operands = binding.collectOperandTypes();
      RelDataTypeFactory types = binding.getTypeFactory();
      boolean nullable = operands.get(0).isNullable() || operands.get(1).isNullable();
      SqlTypeName result = switch (dateCase(kind, operands.get(0), operands.get(1))) {
        case DATE_PLUS_DAYS, DAYS_PLUS_DATE, DATE_MINUS_DAYS -> SqlTypeName.DATE;
        case DAYS_BETWEEN -> SqlTypeName.INTEGER;
        case DATE_PLUS_INTERVAL -> SqlTypeName.TIMESTAMP;
        case TIME_BETWEEN -> SqlTypeName.INTERVAL_DAY_SECOND;
        case NONE -> null;
      };
      if (result == null) {
        return calcite.getReturnTypeInference().inferReturnType(binding);
      }
      if (result == SqlTypeName.INTERVAL_DAY_SECOND) {
        return types.createTypeWithNullability(timeBetweenType(types), nullable);
      }
      return types.createTypeWithNullability(types.createSqlType(result), nullable);
    }
  }
}
