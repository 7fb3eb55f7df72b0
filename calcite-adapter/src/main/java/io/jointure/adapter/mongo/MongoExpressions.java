package io.jointure.adapter.mongo;

import io.jointure.sql.functions.PostgresFunction;
import io.jointure.sql.functions.PostgresFunctions;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * SQL expressions that MongoDB's aggregation language computes as PostgreSQL does, for
 * {@code $project} stages: date parts and {@code date_trunc} of dates (in the session's time zone,
 * through {@code $dateToString}, which every MongoDB and the in-process test server take),
 * {@code length}, {@code ||} of text, and {@code +}, {@code -}, {@code *} of numbers. NULL in
 * gives NULL out, as in SQL. Literals go as {@code $literal}, so a value can never be read as a
 * field path or an operator. Anything else is not translated (null), and Calcite computes it from
 * the fields it reads.
 */
final class MongoExpressions {
  /** A translated expression, and whether MongoDB compares and groups its values as SQL. */
  record Translation(Object expression, boolean comparable, boolean groupable) {
  }

  /** Date fields and the {@code $dateToString} format that reads each. */
  private static final Map<String, String> DATE_PARTS = Map.of("year", "%Y", "month", "%m",
      "day", "%d", "hour", "%H", "minute", "%M", "doy", "%j", "isodow", "%u");

  /** {@code date_trunc} fields and the wall-clock text of the truncated time. */
  private static final Map<String, String> TRUNCATIONS = Map.of(
      "year", "%Y-01-01 00:00:00", "month", "%Y-%m-01 00:00:00", "day", "%Y-%m-%d 00:00:00",
      "hour", "%Y-%m-%d %H:00:00", "minute", "%Y-%m-%d %H:%M:00",
      "second", "%Y-%m-%d %H:%M:%S");

  private final List<MongoField> fields;

  MongoExpressions(List<MongoField> fields) {
    this.fields = fields;
  }

  /** The expression in MongoDB's language, or null when MongoDB would not compute it as SQL. */
  Translation translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      MongoField field = fields.get(ref.getIndex());
      return new Translation(field.expression(), field.comparable(), field.groupable());
    }
    Object expression = expression(node);
    if (expression == null) {
      return null;
    }
    // A computed date or time (date_trunc) is wall-clock text: it groups as SQL, but compares
    // with no timestamp.
    return new Translation(expression, !isComputedDateTime(node), true);
  }

  private static boolean isComputedDateTime(RexNode node) {
    return node instanceof RexCall && SqlTypeUtil.isDatetime(node.getType());
  }

  /** An operand's expression: none for a computed date or time, which is text, not a date. */
  private Object operand(RexNode node) {
    return isComputedDateTime(node) ? null : expression(node);
  }

  private Object expression(RexNode node) {
    if (node instanceof RexInputRef ref) {
      MongoField field = fields.get(ref.getIndex());
      return field.comparable() && !field.objectId() ? field.expression() : null;
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    List<RexNode> operands = call.getOperands();
    if (call.getOperator() instanceof PostgresFunction function) {
      return function(function, call);
    }
    switch (call.getKind()) {
      case PLUS, MINUS, TIMES -> {
        if (!SqlTypeUtil.isNumeric(call.getType())
            || !operands.stream().allMatch(o -> SqlTypeUtil.isNumeric(o.getType()))) {
          return null;
        }
        List<Object> args = args(operands);
        String op = switch (call.getKind()) {
          case PLUS -> "$add";
          case MINUS -> "$subtract";
          default -> "$multiply";
        };
        return args == null ? null : new Document(op, args);
      }
      case OTHER_FUNCTION, OTHER -> {
        if (call.getOperator() == SqlStdOperatorTable.CONCAT && operands.size() == 2
            && operands.stream().allMatch(o -> SqlTypeUtil.isCharacter(o.getType()))) {
          List<Object> args = args(operands);
          return args == null ? null : new Document("$concat", args);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private Object function(PostgresFunction function, RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (function == PostgresFunctions.LENGTH || function == PostgresFunctions.CHAR_LENGTH
        || function == PostgresFunctions.CHARACTER_LENGTH) {
      if (operands.get(0).getType().getSqlTypeName() != SqlTypeName.VARCHAR) {
        return null; // char(n) trailing spaces do not count in PostgreSQL
      }
      Object text = operand(operands.get(0));
      return text == null ? null : nullSafe(text, new Document("$strLenCP", text));
    }
    if (function == PostgresFunctions.EXTRACT || function == PostgresFunctions.DATE_PART
        || function == PostgresFunctions.DATE_TRUNC) {
      if (!(operands.get(0) instanceof RexLiteral unit)
          || operands.get(1).getType().getSqlTypeName() != SqlTypeName.TIMESTAMP) {
        return null;
      }
      Object date = operand(operands.get(1));
      String field = unit.getValueAs(String.class).toLowerCase(Locale.ROOT);
      if (date == null) {
        return null;
      }
      if (function == PostgresFunctions.DATE_TRUNC) {
        String format = TRUNCATIONS.get(field);
        return format == null ? null : dateText(format, date);
      }
      Object part = datePart(field, date);
      // extract answers numeric: the integer part reads as one.
      return part == null || function != PostgresFunctions.DATE_PART ? part
          : new Document("$toDouble", part);
    }
    return null;
  }

  /** A field of a date in the session's zone, as a number. */
  private static Object datePart(String field, Object date) {
    String format = DATE_PARTS.get(field);
    if (format != null) {
      return new Document("$toInt", dateText(format, date));
    }
    return switch (field) {
      case "dow" -> new Document("$mod", Arrays.asList(datePart("isodow", date), 7));
      case "quarter" -> new Document("$ceil", new Document("$divide",
          Arrays.asList(datePart("month", date), 3)));
      default -> null;
    };
  }

  /** {@code $dateToString} in the session's (the JVM's) zone, NULL for NULL. */
  private static Document dateText(String format, Object date) {
    return new Document("$dateToString", new Document("format", format).append("date", date)
        .append("timezone", ZoneId.systemDefault().getId()));
  }

  private List<Object> args(List<RexNode> operands) {
    List<Object> args = new ArrayList<>();
    for (RexNode node : operands) {
      Object arg = operand(node);
      if (arg == null) {
        return null;
      }
      args.add(arg);
    }
    return args;
  }

  /** NULL (or a missing field) gives NULL, where MongoDB would fail or give something else. */
  private static Document nullSafe(Object value, Object expression) {
    return new Document("$cond", Arrays.asList(
        new Document("$eq", Arrays.asList(new Document("$ifNull", Arrays.asList(value, null)),
            null)), null, expression));
  }

  private static Object literal(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    Object value = switch (literal.getType().getSqlTypeName()) {
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> new Decimal128(literal.getValueAs(BigDecimal.class));
      case DOUBLE, FLOAT, REAL -> literal.getValueAs(Double.class);
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      default -> null;
    };
    return value == null ? null : new Document("$literal", value);
  }
}
