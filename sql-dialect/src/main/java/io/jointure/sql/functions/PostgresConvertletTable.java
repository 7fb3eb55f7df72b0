package io.jointure.sql.functions;

import io.jointure.sql.functions.PostgresFunction.Signature;
import io.jointure.sql.functions.PostgresOperators.DateCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * How validated calls become row expressions: Calcite's way, except where PostgreSQL's meaning
 * differs from Calcite's. Jointure's functions get their operands converted to the parameter
 * types of the signature they run; {@code now()} is {@code CURRENT_TIMESTAMP}; date arithmetic
 * and {@code EXTRACT} become Jointure's functions, other arithmetic Calcite's; casts whose rules
 * differ (numbers to integers round, text to boolean, booleans, doubles and timestamps to text)
 * become PostgreSQL's casts.
 */
public final class PostgresConvertletTable implements SqlRexConvertletTable {
  public static final PostgresConvertletTable INSTANCE = new PostgresConvertletTable();

  private PostgresConvertletTable() {
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    SqlOperator op = call.getOperator();
    if (op instanceof PostgresFunction function) {
      return (cx, c) -> call(cx.getRexBuilder(), function, convert(cx, c.getOperandList()),
          cx.getValidator().getValidatedNodeType(c));
    }
    if (op instanceof CurrentTimeFunction) {
      return (cx, c) -> cx.getRexBuilder().makeCast(cx.getValidator().getValidatedNodeType(c),
          cx.getRexBuilder().makeCall(SqlStdOperatorTable.CURRENT_TIMESTAMP));
    }
    if (op == SqlStdOperatorTable.CURRENT_SCHEMA) {
      // Calcite cannot run it; PostgreSQL's sessions start with search_path "$user", public.
      return (cx, c) -> cx.getRexBuilder().makeCast(cx.getValidator().getValidatedNodeType(c),
          cx.getRexBuilder().makeLiteral("public"));
    }
    if (op == PostgresOperators.EXTRACT) {
      return PostgresConvertletTable::extract;
    }
    if (PostgresOperators.calciteOf(op) != null) {
      return PostgresConvertletTable::arithmetic;
    }
    if (op.getKind() == SqlKind.CAST) {
      return PostgresConvertletTable::cast;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  /**
   * A call of a Jointure function, its operands converted to the parameter types of the
   * signature that runs: numbers widened, text literals read as dates or timestamps.
   */
  public static RexNode call(RexBuilder rex, PostgresFunction function, List<RexNode> operands,
      RelDataType type) {
    Signature signature = function.signatureFor(operands.stream().map(RexNode::getType).toList());
    if (signature == null) {
      throw new IllegalStateException("no signature of " + function.getName() + " takes "
          + operands.stream().map(RexNode::getType).toList());
    }
    List<RexNode> coerced = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      coerced.add(coerce(rex, operands.get(i), signature.parameters().get(i)));
    }
    return rex.makeCall(type, function, coerced);
  }

  private static RexNode coerce(RexBuilder rex, RexNode operand, SqlTypeName parameter) {
    RelDataType type = operand.getType();
    SqlTypeName name = type.getSqlTypeName();
    if (name == parameter || (SqlTypeUtil.isCharacter(type) && parameter == SqlTypeName.VARCHAR)) {
      return operand;
    }
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType target = switch (parameter) {
      case DECIMAL -> types.createSqlType(SqlTypeName.DECIMAL, 19, 0);
      case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
      default -> types.createSqlType(parameter);
    };
    target = types.createTypeWithNullability(target, type.isNullable());
    return name == SqlTypeName.NULL ? rex.makeNullLiteral(target) : rex.makeCast(target, operand);
  }

  private static List<RexNode> convert(SqlRexContext cx, List<SqlNode> operands) {
    List<RexNode> converted = new ArrayList<>();
    for (SqlNode operand : operands) {
      converted.add(cx.convertExpression(operand));
    }
    return converted;
  }

  /** Converts the call as Calcite's own operator, on the same node (validated types stay). */
  private static RexNode asCalcite(SqlRexContext cx, SqlCall call, SqlOperator calcite) {
    SqlBasicCall basic = (SqlBasicCall) call;
    SqlOperator ours = basic.getOperator();
    basic.setOperator(calcite);
    try {
      return StandardConvertletTable.INSTANCE.get(basic).convertCall(cx, basic);
    } finally {
      basic.setOperator(ours);
    }
  }

  private static RelDataType typeOf(SqlRexContext cx, SqlNode node) {
    RelDataType type = cx.getValidator().getValidatedNodeTypeIfKnown(node);
    return type != null ? type : cx.convertExpression(node).getType();
  }

  private static RexNode extract(SqlRexContext cx, SqlCall call) {
    RelDataType type = cx.getValidator().getValidatedNodeType(call);
    RelDataType operandType = typeOf(cx, call.operand(1));
    if (operandType.getSqlTypeName() != SqlTypeName.TIMESTAMP
        && operandType.getSqlTypeName() != SqlTypeName.DATE
        && !SqlTypeUtil.isInterval(operandType)) {
      // Times: Calcite's extract, as numeric.
      return cx.getRexBuilder().makeCast(type,
          asCalcite(cx, call, SqlStdOperatorTable.EXTRACT));
    }
    SqlNode unit = call.operand(0);
    String field = unit instanceof SqlIntervalQualifier qualifier
        ? qualifier.timeUnitRange.name()
        : ((SqlLiteral) unit).getValueAs(TimeUnitRange.class).name();
    RexBuilder rex = cx.getRexBuilder();
    return call(rex, PostgresFunctions.EXTRACT,
        List.of(rex.makeLiteral(field.toLowerCase(Locale.ROOT)),
            cx.convertExpression(call.operand(1))), type);
  }

  private static RexNode arithmetic(SqlRexContext cx, SqlCall call) {
    SqlOperator calcite = PostgresOperators.calciteOf(call.getOperator());
    RelDataType type = cx.getValidator().getValidatedNodeType(call);
    DateCase dateCase = PostgresOperators.dateCase(call.getKind(),
        typeOf(cx, call.operand(0)), typeOf(cx, call.operand(1)));
    RexBuilder rex = cx.getRexBuilder();
    return switch (dateCase) {
      case NONE -> asCalcite(cx, call, calcite);
      case DATE_PLUS_DAYS -> call(rex, PostgresFunctions.DATE_PLUS_DAYS,
          convert(cx, call.getOperandList()), type);
      case DAYS_PLUS_DATE -> call(rex, PostgresFunctions.DATE_PLUS_DAYS,
          convert(cx, List.of(call.operand(1), call.operand(0))), type);
      case DATE_MINUS_DAYS -> call(rex, PostgresFunctions.DATE_MINUS_DAYS,
          convert(cx, call.getOperandList()), type);
      case DAYS_BETWEEN -> call(rex, PostgresFunctions.DAYS_BETWEEN,
          convert(cx, call.getOperandList()), type);
      case DATE_PLUS_INTERVAL -> dateToTimestamp(rex, asCalcite(cx, call, calcite), type);
      case TIME_BETWEEN -> timeBetween(rex, convert(cx, call.getOperandList()), type);
    };
  }

  /** {@code timestamp - timestamp}: Calcite's datetime difference as days and time. */
  private static RexNode timeBetween(RexBuilder rex, List<RexNode> operands, RelDataType type) {
    List<RexNode> timestamps = new ArrayList<>();
    for (RexNode operand : operands) {
      timestamps.add(operand.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP ? operand
          : rex.makeCast(rex.getTypeFactory().createTypeWithNullability(
              rex.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3),
              operand.getType().isNullable()), operand));
    }
    return rex.makeCall(type, SqlStdOperatorTable.MINUS_DATE, timestamps);
  }

  /** Calcite's {@code date ± interval} (a date), on the date as a timestamp: PostgreSQL's. */
  private static RexNode dateToTimestamp(RexBuilder rex, RexNode calcite, RelDataType type) {
    if (!(calcite instanceof RexCall call)) {
      return rex.makeCast(type, calcite);
    }
    List<RexNode> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(operand.getType().getSqlTypeName() == SqlTypeName.DATE
          ? rex.makeCast(rex.getTypeFactory().createTypeWithNullability(
              rex.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP),
              operand.getType().isNullable()), operand)
          : operand);
    }
    return rex.makeCall(type, call.getOperator(), operands);
  }

  private static RexNode cast(SqlRexContext cx, SqlCall call) {
    RelDataType to = cx.getValidator().getValidatedNodeTypeIfKnown(call);
    if (to == null) {
      // A cast the validator's type coercion made (an ARRAY's elements to one type): the
      // validator never typed it, and it is Calcite's own.
      return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
    }
    RelDataType from = cx.getValidator().getValidatedNodeTypeIfKnown(call.operand(0));
    PostgresFunction function = from == null ? null : CastRules.of(from, to);
    RexBuilder rex = cx.getRexBuilder();
    if (function != null) {
      RexNode operand = cx.convertExpression(call.operand(0));
      RelDataTypeFactory types = rex.getTypeFactory();
      RelDataType result = types.createTypeWithNullability(function.signatures().get(0)
          .result().of(types, List.of(operand.getType()), null), operand.getType().isNullable());
      RexNode converted = call(rex, function, List.of(operand), result);
      return converted.getType().equals(to) ? converted : rex.makeCast(to, converted);
    }
    if (from != null && from.getSqlTypeName() == SqlTypeName.DECIMAL
        && to.getSqlTypeName() == SqlTypeName.DECIMAL && to.getScale() < from.getScale()) {
      // PostgreSQL rounds to the new scale (half away from zero); Calcite's cast cuts.
      RexNode operand = cx.convertExpression(call.operand(0));
      return rex.makeCast(to, rex.makeCall(SqlStdOperatorTable.ROUND, operand,
          rex.makeExactLiteral(java.math.BigDecimal.valueOf(to.getScale()))));
    }
    return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
  }
}
