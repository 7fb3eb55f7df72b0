package io.jointure.adapter.sql;

import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Prepares the parameters of the SQL sent to a source. Values a query compares against (in WHERE,
 * HAVING and join conditions) become bind parameters, so values never become SQL text. Literals
 * elsewhere stay inline: the select list and GROUP BY (Calcite writes the same expression in both,
 * and PostgreSQL would not see two parameters as one expression), LIMIT counts and CAST targets;
 * they are planner-generated from validated values. A statement's own parameters ({@code ?}) get
 * a CAST to the type Calcite inferred, so PostgreSQL never has to guess it
 * ({@code ? IS NULL OR name = ?}), except where compared with a column, whose type it takes.
 */
final class ParameterBinder {
  /** Parameter indexes from here up are bound literals; user parameters are numbered from 0. */
  static final int FIRST_LITERAL_INDEX = 1 << 20;

  private static final Set<SqlKind> COMPARING = EnumSet.of(
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
      SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.IN, SqlKind.NOT_IN, SqlKind.BETWEEN,
      SqlKind.LIKE, SqlKind.SIMILAR);

  private final SqlDialect dialect;
  private final Map<Integer, RelDataType> userParameterTypes;
  private final List<Object> values = new ArrayList<>();

  /**
   * @param userParameterTypes the types Calcite inferred for the statement's parameters
   */
  ParameterBinder(SqlDialect dialect, Map<Integer, RelDataType> userParameterTypes) {
    this.dialect = dialect;
    this.userParameterTypes = userParameterTypes;
  }

  /** Values of the bound literals, in parameter index order from {@link #FIRST_LITERAL_INDEX}. */
  List<Object> values() {
    return values;
  }

  /** Rewrites {@code node} in place and returns it. */
  SqlNode bind(SqlNode node) {
    return visit(node, false);
  }

  /**
   * Visits a node and returns what replaces it.
   *
   * @param inCondition whether the node is part of a WHERE, HAVING or ON condition
   */
  private SqlNode visit(SqlNode node, boolean inCondition) {
    if (node == null) {
      return null;
    }
    if (node instanceof SqlDynamicParam param) {
      return typed(param);
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, visit(list.get(i), inCondition));
      }
      return list;
    }
    if (node instanceof SqlSelect select) {
      select.setSelectList((SqlNodeList) visit(select.getSelectList(), false));
      select.setFrom(visit(select.getFrom(), false));
      select.setWhere(visit(select.getWhere(), true));
      select.setGroupBy((SqlNodeList) visit(select.getGroup(), false));
      select.setHaving(visit(select.getHaving(), true));
      select.setOrderBy((SqlNodeList) visit(select.getOrderList(), false));
      return select;
    }
    if (node instanceof SqlJoin join) {
      join.setLeft(visit(join.getLeft(), false));
      join.setRight(visit(join.getRight(), false));
      join.setOperand(5, visit(join.getCondition(), true));
      return join;
    }
    if (node instanceof SqlCall call) {
      boolean comparing = inCondition && call instanceof SqlBasicCall
          && COMPARING.contains(call.getKind());
      // LIKE's third operand is the escape character: keep it inline.
      int boundOperands = call.getKind() == SqlKind.LIKE ? 2 : Integer.MAX_VALUE;
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (operand == null) {
          continue;
        }
        SqlNode replacement;
        if (comparing && operand instanceof SqlDynamicParam && comparedWithColumn(operands, i)) {
          // The column gives the parameter its type (an enum, inet or citext column too, where
          // a CAST to varchar would not compare); strings bind untyped.
          replacement = operand;
        } else if (comparing && i < boundOperands && operand instanceof SqlLiteral literal) {
          replacement = parameterFor(literal);
        } else if (comparing && i < boundOperands && operand instanceof SqlNodeList list) {
          for (int j = 0; j < list.size(); j++) {
            list.set(j, list.get(j) instanceof SqlLiteral literal ? parameterFor(literal)
                : visit(list.get(j), true));
          }
          replacement = list;
        } else {
          replacement = visit(operand, inCondition);
        }
        if (replacement != operand) {
          call.setOperand(i, replacement);
        }
      }
    }
    return node;
  }

  /** Whether the other operand of a two-operand comparison is a column. */
  private static boolean comparedWithColumn(List<SqlNode> operands, int i) {
    return operands.size() == 2 && operands.get(1 - i) instanceof SqlIdentifier;
  }

  /** A statement parameter, cast to the type Calcite inferred for it. */
  private SqlNode typed(SqlDynamicParam param) {
    RelDataType type = userParameterTypes.get(param.getIndex());
    SqlNode spec = type == null ? null : dialect.getCastSpec(type);
    return spec == null ? param
        : SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, param, spec);
  }

  /** A parameter carrying the literal's value, or the literal itself to keep it inline. */
  private SqlNode parameterFor(SqlLiteral literal) {
    Object value = valueOf(literal);
    if (value == null) {
      return literal;
    }
    values.add(value);
    return new SqlDynamicParam(FIRST_LITERAL_INDEX + values.size() - 1, SqlParserPos.ZERO);
  }

  private static Object valueOf(SqlLiteral literal) {
    switch (literal.getTypeName()) {
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case DECIMAL:
      case INTEGER:
      case BIGINT:
      case SMALLINT:
      case TINYINT:
      case DOUBLE:
      case FLOAT:
      case REAL:
        if (!(literal instanceof SqlNumericLiteral numeric)) {
          return null;
        }
        BigDecimal n = numeric.getValueAs(BigDecimal.class);
        if (!numeric.isExact()) {
          return n.doubleValue();
        }
        // Whole numbers bind as bigint so PostgreSQL still uses indexes on integer columns.
        Long whole = SqlValues.wholeLong(n);
        return whole != null ? whole : n;
      case DATE:
        return LocalDate.parse(literal.getValueAs(DateString.class).toString());
      case TIME:
        return LocalTime.parse(literal.getValueAs(TimeString.class).toString());
      case TIMESTAMP:
        return LocalDateTime.parse(
            literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      default:
        return null;
    }
  }
}
