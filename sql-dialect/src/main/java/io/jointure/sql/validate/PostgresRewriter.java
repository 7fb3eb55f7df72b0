package io.jointure.sql.validate;

import static org.apache.calcite.avatica.util.DateTimeUtils.MILLIS_PER_DAY;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import io.jointure.sql.functions.PercentileCont;
import io.jointure.sql.functions.PostgresFunctions;
import io.jointure.sql.parser.PostgresSyntax;
import io.jointure.sql.values.IntervalText;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.Util;

/**
 * Gives the calls that {@link PostgresSyntax} wrote back their PostgreSQL meaning, on the parse
 * tree before validation, in place (the statement's top node stays the same object):
 * <ul>
 *   <li>{@code SELECT DISTINCT_ON(k...), items ... ORDER BY o...} becomes
 *       {@code SELECT items ... QUALIFY ROW_NUMBER() OVER (PARTITION BY k... ORDER BY o...) = 1
 *       ORDER BY o...}: the first row of each group in the query's order, as PostgreSQL keeps;
 *       keys and order items that name an output column or its number stand for its expression;
 *   <li>{@code JOINTURE_INTERVAL('1 day 2 hours')} becomes Calcite's interval literal
 *       ({@code INTERVAL '1 02:00:00.000' DAY TO SECOND}); an interval with both months and days
 *       ({@code '1 year 2 days'}) added to or subtracted from a value is applied in two steps.
 * </ul>
 */
final class PostgresRewriter {
  private PostgresRewriter() {
  }

  static SqlNode rewrite(SqlNode node) {
    if (node == null) {
      return null;
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, rewrite(list.get(i)));
      }
      return list;
    }
    if (node instanceof SqlDataTypeSpec type) {
      return PostgresTypeNames.resolve(type);
    }
    if (node instanceof SqlCharStringLiteral literal) {
      return withDefaultCharset(literal);
    }
    if (node instanceof SqlUnknownLiteral typed) {
      return typedLiteral(typed);
    }
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select
        && distinctOn(select) != null) {
      rewriteDistinctOn(select, orderBy.orderList);
    } else if (call instanceof SqlSelect select && distinctOn(select) != null) {
      rewriteDistinctOn(select, select.getOrderList());
    }
    if ((call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)
        && call.operandCount() == 2) {
      SqlNode distributed = distributeMixedInterval(call);
      if (distributed != call) {
        return rewrite(distributed);
      }
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      SqlNode rewritten = rewrite(operand);
      if (rewritten != operand) {
        call.setOperand(i, rewritten);
      }
    }
    if (isMarker(call, PostgresSyntax.INTERVAL)) {
      IntervalText interval = intervalOf(call);
      if (interval.isMixed()) {
        throw new JointureException(ErrorCode.FEATURE_NOT_SUPPORTED, at(call) + "the interval "
            + literalText(call) + " has months and days both; Jointure adds such an interval to a"
            + " date or timestamp only (ts + interval '1 year 2 days'); elsewhere write it as"
            + " two intervals (interval '1 year' + interval '2 days' is not one value either)");
      }
      return intervalLiteral(interval, call.getParserPosition());
    }
    return withPostgresOperator(call);
  }

  /**
   * PostgreSQL's operators where the parser gives Calcite's outright ({@code date_part},
   * {@code percentile_cont}; other operators and functions resolve by name, in
   * {@code PostgresOperatorTable}), and {@code age(x)} as {@code age(current_date, x)}.
   */
  private static SqlCall withPostgresOperator(SqlCall call) {
    SqlCall in = inList(call);
    if (in != call) {
      return in;
    }
    if (call instanceof SqlBasicCall basic
        && basic.getOperator() == SqlLibraryOperators.DATE_PART) {
      basic.setOperator(PostgresFunctions.DATE_PART);
    }
    if (call instanceof SqlBasicCall basic
        && basic.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT) {
      basic.setOperator(PercentileCont.OPERATOR);
    }
    if (call.getKind() == SqlKind.OTHER_FUNCTION && call.operandCount() == 1
        && call.getOperator().getName().equalsIgnoreCase("age")) {
      // age(x) is the age at midnight of today, in PostgreSQL: age(current_date, x).
      SqlParserPos pos = call.getParserPosition();
      return call.getOperator().createCall(pos, SqlStdOperatorTable.CAST.createCall(pos,
          SqlStdOperatorTable.CURRENT_DATE.createCall(pos), new SqlDataTypeSpec(
              new SqlBasicTypeNameSpec(
                  SqlTypeName.TIMESTAMP, pos), pos)),
          call.operand(0));
    }
    return call;
  }

  /**
   * {@code x = ANY (ARRAY[a, b])} as {@code x IN (a, b)}, {@code x <> ALL (ARRAY[a, b])} as
   * {@code x NOT IN (a, b)}: the same, and what sources are given (Calcite writes the quantified
   * comparison over an array for no source's dialect). An array that is not written out stays.
   */
  private static SqlCall inList(SqlCall call) {
    SqlKind kind = call.getKind();
    boolean any = kind == SqlKind.SOME && call.getOperator() == SqlStdOperatorTable.SOME_EQ;
    boolean all = kind == SqlKind.ALL && call.getOperator() == SqlStdOperatorTable.ALL_NE;
    if (!(any || all) || call.operandCount() != 2) {
      return call;
    }
    // = ANY (ARRAY[...]): the parser gives the parenthesized array as a list of one
    SqlNode operand = call.operand(1);
    if (operand instanceof SqlNodeList list && list.size() == 1) {
      operand = list.get(0);
    }
    if (operand.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      return call;
    }
    SqlCall array = (SqlCall) operand;
    if (array.operandCount() == 0) {
      return call;
    }
    SqlParserPos pos = call.getParserPosition();
    SqlNodeList values = new SqlNodeList(array.getOperandList(), array.getParserPosition());
    return (any ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN).createCall(pos,
        call.operand(0), values);
  }

  /**
   * {@code x ± interval '1 year 2 days'} as {@code (x ± interval '1' year) ± interval '2' day}:
   * Calcite's intervals are either months or days-and-time, PostgreSQL's both.
   */
  private static SqlNode distributeMixedInterval(SqlCall call) {
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    SqlOperator op = call.getOperator();
    SqlParserPos pos = call.getParserPosition();
    IntervalText i = mixedInterval(right);
    SqlNode value = left;
    if (i == null && call.getKind() == SqlKind.PLUS) {
      i = mixedInterval(left);
      value = right;
    }
    if (i == null) {
      return call;
    }
    return op.createCall(pos, op.createCall(pos, value,
        intervalLiteral(new IntervalText(i.months(), 0, 0), pos)),
        intervalLiteral(new IntervalText(0, i.days(), i.millis()), pos));
  }

  /** The interval a node writes when it has months and days both, else null. */
  private static IntervalText mixedInterval(SqlNode node) {
    if (node instanceof SqlCall c && isMarker(c, PostgresSyntax.INTERVAL)) {
      IntervalText interval = intervalOf(c);
      return interval.isMixed() ? interval : null;
    }
    return null;
  }

  /**
   * An {@code E'...'} string in the default character set, as other strings: the parser gives it
   * UTF-16, which Calcite will not compare with or append to other text.
   */
  private static SqlNode withDefaultCharset(SqlCharStringLiteral literal) {
    NlsString nls = literal.getValueAs(NlsString.class);
    Charset charset = nls.getCharset();
    if (charset == null) {
      return literal;
    }
    Charset standard = Util.getDefaultCharset();
    if (charset.equals(standard) || !standard.newEncoder().canEncode(nls.getValue())) {
      return literal;
    }
    return SqlLiteral.createCharString(nls.getValue(), literal.getParserPosition());
  }

  /**
   * {@code timestamp '2023-01-01 00:00'} and {@code date '2024-03-17 10:00'} as PostgreSQL reads
   * them (Calcite's literals want every field of one exact form); left to Calcite when the text
   * is no date or time at all, which it then reports.
   */
  private static SqlNode typedLiteral(SqlUnknownLiteral literal) {
    SqlParserPos pos = literal.getParserPosition();
    try {
      switch (literal.tag.toUpperCase(Locale.ROOT)) {
        case "TIMESTAMP" -> {
          long millis = io.jointure.sql.values.PostgresCasts.textToTimestamp(literal.getValue());
          return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP,
              TimestampString.fromMillisSinceEpoch(millis), 3, pos);
        }
        case "DATE" -> {
          int days = io.jointure.sql.values.PostgresCasts.textToDate(literal.getValue());
          return SqlLiteral.createDate(
              DateString.fromDaysSinceEpoch(days), pos);
        }
        default -> {
          return literal;
        }
      }
    } catch (JointureException e) {
      return literal;
    }
  }

  private static boolean isMarker(SqlCall call, String name) {
    return call.getOperator().getNameAsId().isSimple()
        && call.getOperator().getName().equalsIgnoreCase(name)
        && call.getKind() == SqlKind.OTHER_FUNCTION;
  }

  private static String literalText(SqlCall call) {
    return call.operand(0) instanceof SqlCharStringLiteral s ? "'" + s.getValueAs(String.class)
        + "'" : call.operand(0).toString();
  }

  private static IntervalText intervalOf(SqlCall call) {
    if (call.operandCount() != 1 || !(call.operand(0) instanceof SqlCharStringLiteral text)) {
      throw new JointureException(ErrorCode.SYNTAX_ERROR, at(call)
          + "an interval is written interval '<quantity> <unit> ...'");
    }
    try {
      return IntervalText.parse(text.getValueAs(String.class));
    } catch (IllegalArgumentException e) {
      throw new JointureException(ErrorCode.INVALID_DATETIME_FORMAT, at(call) + e.getMessage()
          + "; write for example interval '2 hours 30 minutes' or interval '1 day'");
    }
  }

  static String at(SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    return pos.getLineNum() > 0
        ? "line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " : "";
  }

  /** Calcite's literal for a PostgreSQL interval that is months only or days-and-time only. */
  private static SqlLiteral intervalLiteral(IntervalText interval, SqlParserPos pos) {
    if (interval.isYearMonth() && interval.months() != 0) {
      int months = Math.abs(interval.months());
      return SqlLiteral.createInterval(interval.months() < 0 ? -1 : 1,
          months / 12 + "-" + months % 12,
          new SqlIntervalQualifier(TimeUnit.YEAR, 9, TimeUnit.MONTH, -1, pos), pos);
    }
    long total = interval.dayTimeMillis();
    long millis = Math.abs(total);
    String text = String.format(Locale.ROOT, "%d %02d:%02d:%02d.%03d", millis / MILLIS_PER_DAY,
        millis / 3_600_000L % 24, millis / 60_000L % 60, millis / 1000 % 60, millis % 1000);
    return SqlLiteral.createInterval(total < 0 ? -1 : 1, text,
        new SqlIntervalQualifier(TimeUnit.DAY, 9, TimeUnit.SECOND, 3, pos), pos);
  }

  private static SqlCall distinctOn(SqlSelect select) {
    SqlNodeList items = select.getSelectList();
    if (items != null && !items.isEmpty() && items.get(0) instanceof SqlCall first
        && isMarker(first, PostgresSyntax.DISTINCT_ON)) {
      return first;
    }
    return null;
  }

  private static void rewriteDistinctOn(SqlSelect select, SqlNodeList orderList) {
    SqlCall marker = distinctOn(select);
    SqlParserPos pos = marker.getParserPosition();
    SqlNodeList items = select.getSelectList();
    items.remove(0);
    if (select.isDistinct()) {
      throw new JointureException(ErrorCode.SYNTAX_ERROR, at(marker)
          + "DISTINCT ON comes right after SELECT, without another DISTINCT");
    }
    List<SqlNode> partition = new ArrayList<>();
    for (SqlNode key : marker.getOperandList()) {
      partition.add(outputExpression(key, items));
    }
    List<SqlNode> order = new ArrayList<>();
    if (orderList != null) {
      for (SqlNode item : orderList) {
        order.add(orderItem(item, items));
      }
    }
    SqlWindow window = SqlWindow.create(null, null,
        new SqlNodeList(partition, pos), new SqlNodeList(order, pos),
        SqlLiteral.createBoolean(false, pos), null, null, null, pos);
    SqlNode rowNumber = SqlStdOperatorTable.OVER.createCall(pos,
        SqlStdOperatorTable.ROW_NUMBER.createCall(pos), window);
    SqlNode first = SqlStdOperatorTable.EQUALS.createCall(pos, rowNumber,
        SqlLiteral.createExactNumeric("1", pos));
    select.setQualify(select.getQualify() == null ? first
        : SqlStdOperatorTable.AND.createCall(pos, select.getQualify(), first));
  }

  /** An ORDER BY item, with its direction and null order, for the window's ORDER BY. */
  private static SqlNode orderItem(SqlNode item, SqlNodeList items) {
    if (item instanceof SqlBasicCall call && (call.getKind() == SqlKind.DESCENDING
        || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
      return call.getOperator().createCall(call.getParserPosition(),
          orderItem(call.operand(0), items));
    }
    return outputExpression(item, items);
  }

  /**
   * What a DISTINCT ON key or ORDER BY item means, as PostgreSQL reads them: a number is that
   * output column, a plain name an output column's alias before a table column; the expression
   * is copied (a node appears once in a tree the validator works on).
   */
  private static SqlNode outputExpression(SqlNode key, SqlNodeList items) {
    if (key instanceof SqlNumericLiteral number && number.isInteger()) {
      int ordinal = number.getValueAs(BigDecimal.class).intValueExact();
      if (ordinal < 1 || ordinal > items.size() || isStar(items.get(ordinal - 1))) {
        throw new JointureException(ErrorCode.INVALID_COLUMN_REFERENCE, at(key)
            + "DISTINCT ON / ORDER BY position " + ordinal + " is not a column of the select"
            + " list; name the column instead");
      }
      return copy(stripAs(items.get(ordinal - 1)));
    }
    if (key instanceof SqlIdentifier id && id.isSimple()) {
      for (SqlNode item : items) {
        if (item.getKind() == SqlKind.AS) {
          SqlCall as = (SqlCall) item;
          if (((SqlIdentifier) as.operand(1)).getSimple().equalsIgnoreCase(id.getSimple())) {
            return copy(as.operand(0));
          }
        }
      }
    }
    return copy(key);
  }

  private static boolean isStar(SqlNode item) {
    return item instanceof SqlIdentifier id && id.isStar();
  }

  private static SqlNode stripAs(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  /** A deep copy. */
  static SqlNode copy(SqlNode node) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        List<SqlNode> operands = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
          operands.add(operand == null ? null : operand.accept(this));
        }
        return call.getOperator().createCall(call.getFunctionQuantifier(),
            call.getParserPosition(), operands);
      }

      @Override
      public SqlNode visit(SqlNodeList list) {
        SqlNodeList copy = new SqlNodeList(list.getParserPosition());
        for (SqlNode item : list) {
          copy.add(item == null ? null : item.accept(this));
        }
        return copy;
      }

      @Override
      public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
      }

      @Override
      public SqlNode visit(SqlLiteral literal) {
        return literal.clone(literal.getParserPosition());
      }
    });
  }
}
