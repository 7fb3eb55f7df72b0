package io.jointure.adapter.mongo;

import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Translates a SQL condition into a {@code $match} document, or says it cannot (returns null):
 * comparisons of a field with a value or a parameter ({@link MongoParameter}), IN and NOT IN lists ({@code $in}, {@code $nin}), ranges,
 * IS [NOT] NULL (which match missing fields too, as SQL's NULL does), AND, OR, and LIKE/ILIKE as
 * anchored, escaped regular expressions. Values become BSON values, never query text, so a value
 * that looks like an operator ({@code {"$gt": ""}}) is matched as the string it is.
 *
 * <p>SQL's three-valued logic is kept: {@code a <> 1} and {@code a NOT IN (...)} do not match
 * documents where {@code a} is null or missing, unlike MongoDB's {@code $ne} and {@code $nin}.
 */
final class MongoFilterTranslator {
  private final List<MongoField> fields;
  private final RexBuilder rexBuilder;

  MongoFilterTranslator(List<MongoField> fields, RexBuilder rexBuilder) {
    this.fields = fields;
    this.rexBuilder = rexBuilder;
  }

  /** The {@code $match} document for {@code condition}, or null if it cannot be translated. */
  Document translate(RexNode condition) {
    switch (condition.getKind()) {
      case AND:
        return junction("$and", (RexCall) condition);
      case OR:
        return junction("$or", (RexCall) condition);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) condition);
      case IS_NULL:
      case IS_NOT_NULL: {
        MongoField field = field(((RexCall) condition).getOperands().get(0));
        if (field == null) {
          return null;
        }
        return condition.getKind() == SqlKind.IS_NULL ? new Document(field.path(), null)
            : new Document(field.path(), new Document("$ne", null));
      }
      case SEARCH:
        return search((RexCall) condition);
      case LIKE:
        return like((RexCall) condition, false);
      case NOT: {
        RexNode operand = ((RexCall) condition).getOperands().get(0);
        if (operand.getKind() == SqlKind.LIKE) {
          return like((RexCall) operand, true);
        }
        MongoField field = field(operand);
        return field == null || !field.comparable() ? null : new Document(field.path(), false);
      }
      case INPUT_REF: {
        MongoField field = field(condition);
        return field == null || !field.comparable() ? null : new Document(field.path(), true);
      }
      default:
        return null;
    }
  }

  private Document junction(String operator, RexCall call) {
    List<Document> parts = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      Document part = translate(operand);
      if (part == null) {
        return null;
      }
      parts.add(part);
    }
    return new Document(operator, parts);
  }

  private Document comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (field(left) == null && field(right) != null) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    MongoField field = field(left);
    if (field == null || !field.comparable()) {
      return null;
    }
    if (field.objectId() && kind != SqlKind.EQUALS && kind != SqlKind.NOT_EQUALS) {
      return null; // ObjectIds do not order as their hex strings do for every prefix
    }
    if (right instanceof RexDynamicParam parameter) {
      SqlTypeName type = parameter.getType().getSqlTypeName();
      return MongoParameter.canCompare(field, type, kind)
          ? new MongoParameter(parameter.getIndex(), field, kind, type).placeholder() : null;
    }
    if (!(right instanceof RexLiteral literal)) {
      return null;
    }
    Object value = value(literal, field);
    if (value == null) {
      return null;
    }
    return comparison(field, kind, value);
  }

  /** {@code field <kind> value}, the value already as BSON. */
  static Document comparison(MongoField field, SqlKind kind, Object value) {
    return switch (kind) {
      // The implicit form {field: value}: MongoDB reads it as $eq for a plain value, and more
      // servers use an index for it (the stand-in server scans for {$eq}).
      case EQUALS -> new Document(field.path(), value instanceof Document
          || value instanceof java.util.regex.Pattern
          || value instanceof org.bson.BsonRegularExpression
          ? new Document("$eq", value) : value);
      // SQL: a NULL or missing field is not "different from" a value.
      case NOT_EQUALS -> new Document(field.path(),
          new Document("$nin", java.util.Arrays.asList(value, null)));
      case LESS_THAN -> new Document(field.path(), new Document("$lt", value));
      case LESS_THAN_OR_EQUAL -> new Document(field.path(), new Document("$lte", value));
      case GREATER_THAN -> new Document(field.path(), new Document("$gt", value));
      case GREATER_THAN_OR_EQUAL -> new Document(field.path(), new Document("$gte", value));
      default -> null;
    };
  }

  /** IN lists, NOT IN lists and ranges, which Calcite folds into SEARCH. */
  private Document search(RexCall call) {
    MongoField field = field(call.getOperands().get(0));
    if (field == null || !field.comparable()
        || !(call.getOperands().get(1) instanceof RexLiteral sargLiteral)) {
      return null;
    }
    Sarg<?> sarg = sargLiteral.getValueAs(Sarg.class);
    if (sarg == null) {
      return null;
    }
    boolean nullMatches = sarg.nullAs == RexUnknownAs.TRUE;
    if (sarg.isPoints() || sarg.isComplementedPoints()) {
      List<Object> values = new ArrayList<>();
      RexCall asPoints = (RexCall) RexUtil.expandSearch(rexBuilder, null, call);
      for (RexLiteral literal : pointLiterals(asPoints)) {
        Object value = value(literal, field);
        if (value == null) {
          return null;
        }
        values.add(value);
      }
      if (sarg.isPoints()) {
        if (nullMatches) {
          values.add(null);
        }
        return new Document(field.path(), new Document("$in", values));
      }
      if (!nullMatches) {
        values.add(null);
      }
      return new Document(field.path(), new Document("$nin", values));
    }
    return field.objectId() ? null : translate(RexUtil.expandSearch(rexBuilder, null, call));
  }

  /** The literals of an expanded point SEARCH: {@code a = 1 OR a = 2}, or {@code a <> 1 AND ...}. */
  private static List<RexLiteral> pointLiterals(RexNode expanded) {
    List<RexLiteral> literals = new ArrayList<>();
    collectLiterals(expanded, literals);
    return literals;
  }

  private static void collectLiterals(RexNode node, List<RexLiteral> into) {
    if (node instanceof RexLiteral literal) {
      into.add(literal);
    } else if (node instanceof RexCall call) {
      if (call.getKind() == SqlKind.IS_NULL || call.getKind() == SqlKind.IS_NOT_NULL) {
        return;
      }
      for (RexNode operand : call.getOperands()) {
        collectLiterals(operand, into);
      }
    }
  }

  private Document like(RexCall call, boolean negated) {
    if (!(call.getOperator() instanceof SqlLikeOperator operator)) {
      return null;
    }
    negated ^= operator.isNegated();
    MongoField field = field(call.getOperands().get(0));
    // $regex never matches an ObjectId, nor (on a real MongoDB) a number in a mixed column.
    if (field == null || !field.comparable() || field.objectId()
        || !(call.getOperands().get(1) instanceof RexLiteral patternLiteral)
        || !SqlTypeFamily.CHARACTER.contains(patternLiteral.getType())) {
      return null;
    }
    char escape = 0;
    if (call.getOperands().size() > 2) {
      if (!(call.getOperands().get(2) instanceof RexLiteral escapeLiteral)) {
        return null;
      }
      String e = escapeLiteral.getValueAs(String.class);
      if (e == null || e.length() != 1) {
        return null;
      }
      escape = e.charAt(0);
    }
    String regex;
    try {
      regex = LikePatterns.toRegex(patternLiteral.getValueAs(String.class), escape);
    } catch (IllegalArgumentException e) {
      return null; // let Calcite report the bad pattern
    }
    Document match = new Document("$regex", regex)
        .append("$options", operator.isCaseSensitive() ? "s" : "si");
    if (!negated) {
      return new Document(field.path(), match);
    }
    return new Document("$and", List.of(new Document(field.path(), new Document("$not", match)),
        new Document(field.path(), new Document("$ne", null))));
  }

  /**
   * The field a node reads: an input reference, or a cast of one that keeps every value exactly
   * (MongoDB compares numbers by value, so widening changes nothing; narrowing would).
   */
  private MongoField field(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return fields.get(ref.getIndex());
    }
    if (node.getKind() == SqlKind.CAST) {
      RexNode operand = ((RexCall) node).getOperands().get(0);
      if (operand instanceof RexInputRef ref && widens(operand.getType(), node.getType())) {
        return fields.get(ref.getIndex());
      }
    }
    return null;
  }

  private static boolean widens(RelDataType from, RelDataType to) {
    SqlTypeName f = from.getSqlTypeName();
    SqlTypeName t = to.getSqlTypeName();
    if (SqlTypeName.INT_TYPES.contains(f)) {
      return SqlTypeName.INT_TYPES.contains(t) && SqlTypeName.INT_TYPES.indexOf(t)
          >= SqlTypeName.INT_TYPES.indexOf(f)
          || t == SqlTypeName.DOUBLE
          || t == SqlTypeName.DECIMAL && to.getPrecision() - to.getScale() >= 19;
    }
    if (f == SqlTypeName.REAL || f == SqlTypeName.FLOAT) {
      return t == SqlTypeName.DOUBLE;
    }
    if (f == SqlTypeName.DECIMAL && t == SqlTypeName.DECIMAL) {
      return to.getScale() >= from.getScale()
          && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
    }
    return false;
  }

  /** The BSON value of a literal compared with {@code field}, or null if it has none. */
  static Object value(RexLiteral literal, MongoField field) {
    if (literal.isNull()) {
      return null;
    }
    SqlTypeName type = literal.getTypeName();
    switch (type) {
      case CHAR:
      case VARCHAR: {
        String s = literal.getValueAs(NlsString.class).getValue();
        if (field.objectId()) {
          // Only the lower-case hex SQL shows can equal an ObjectId's string.
          return ObjectId.isValid(s) && s.equals(s.toLowerCase(java.util.Locale.ROOT))
              ? new ObjectId(s) : null;
        }
        return s;
      }
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL: {
        BigDecimal n = literal.getValueAs(BigDecimal.class);
        Long whole = SqlValues.wholeLong(n);
        return whole != null ? (Object) whole : new Decimal128(n);
      }
      case REAL:
      case FLOAT:
      case DOUBLE:
        return literal.getValueAs(Double.class);
      case TIMESTAMP: {
        return Date.from(SqlValues.instant(literal.getValueAs(Long.class)));
      }
      default:
        return null;
    }
  }
}
