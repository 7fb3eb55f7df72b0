package io.jointure.jdbc;

import io.jointure.sql.parser.PostgresSqlParser;
import io.jointure.sql.parser.PostgresSyntax;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * The values a statement compares its columns with ({@code WHERE status = 'open'},
 * {@code amount BETWEEN 10 AND 20}), taken out of its text so that statements differing only in
 * them share one cached plan: the text with {@code ?} in their place is planned once, and each
 * statement runs that plan with its own values bound as the plan's parameters. A dashboard
 * filtering by another customer or another month no longer plans again.
 *
 * <p>Only literals compared directly with a column in a condition (WHERE, HAVING, ON) become
 * parameters; anything else can change the plan's shape and stays in the text: the select list,
 * GROUP BY and ORDER BY (a CASE grouped by), LIMIT counts, IN lists (their
 * length is part of the shape), units ({@code date_trunc('month', ...)}), intervals, NULL and
 * booleans. A value that does not fit the type its column gives the parameter exactly (2.5
 * against an integer column, text against a number) has the statement planned with its
 * literals, as it is written. EXPLAIN keeps its literals, to show them.
 */
final class LiteralParameters {
  /** A value that the parameter's type cannot hold exactly. */
  private static final Object NO_FIT = new Object();

  /** One {@code ?} of the general text: a statement parameter (its index) or a literal. */
  private record Slot(int statementParameter, SqlLiteral literal, int start, int end) {
  }

  private final String sql;
  private final String generalSql;
  private final List<Slot> slots;

  private LiteralParameters(String sql, String generalSql, List<Slot> slots) {
    this.sql = sql;
    this.generalSql = generalSql;
    this.slots = slots;
  }

  /** The statement with {@code ?} in place of its literals. */
  String generalSql() {
    return generalSql;
  }

  /**
   * The literals of {@code sql} that can become parameters, or null when there are none (or the
   * text does not parse: its plan reports the error).
   */
  static LiteralParameters of(String sql) {
    // Positions are in the text the parser reads; a statement PostgreSQL's syntax rewrote first
    // (DISTINCT ON, PostgreSQL's intervals) is planned as written.
    if (!PostgresSyntax.adapt(sql).text().equals(sql)) {
      return null;
    }
    SqlNode statement;
    try {
      statement = SqlParser.create(sql, PostgresSqlParser.config()).parseStmt();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
    if (statement.getKind() == SqlKind.EXPLAIN) {
      return null;
    }
    int[] lineStarts = lineStarts(sql);
    List<Slot> slots = new ArrayList<>();
    boolean[] anyLiteral = {false};
    new Object() {
      /** Collects the slots under {@code node}; {@code inCondition}: in WHERE, HAVING or ON. */
      void visit(SqlNode node, boolean inCondition) {
        if (node instanceof SqlDynamicParam param) {
          int at = offset(lineStarts, param.getParserPosition().getLineNum(),
              param.getParserPosition().getColumnNum());
          slots.add(new Slot(param.getIndex(), null, at, at + 1));
        } else if (node instanceof SqlNodeList list) {
          list.forEach(element -> visit(element, inCondition));
        } else if (node instanceof SqlSelect select) {
          // The select list, GROUP BY and ORDER BY keep their literals: Calcite writes an
          // expression grouped by in both places, and a source sees two parameters as two
          // expressions (PostgreSQL: "must appear in the GROUP BY clause").
          visit(select.getSelectList(), false);
          visit(select.getFrom(), false);
          visit(select.getWhere(), true);
          visit(select.getGroup(), false);
          visit(select.getHaving(), true);
          visit(select.getOrderList(), false);
        } else if (node instanceof SqlJoin join) {
          visit(join.getLeft(), false);
          visit(join.getRight(), false);
          visit(join.getCondition(), true);
        } else if (node instanceof SqlCall call) {
          boolean comparing = inCondition && call instanceof SqlBasicCall && comparesColumn(call);
          for (SqlNode operand : call.getOperandList()) {
            if (comparing && operand instanceof SqlLiteral literal && parameterizable(literal)) {
              Slot slot = slot(sql, lineStarts, literal);
              if (slot != null) {
                slots.add(slot);
                anyLiteral[0] = true;
              }
            } else {
              visit(operand, inCondition);
            }
          }
        }
      }
    }.visit(statement, false);
    if (!anyLiteral[0]) {
      return null;
    }
    slots.sort(Comparator.comparingInt(Slot::start));
    StringBuilder general = new StringBuilder(sql.length());
    int at = 0;
    for (Slot slot : slots) {
      if (slot.start < at) {
        return null; // overlapping spans: positions are not what they seem
      }
      general.append(sql, at, slot.start).append('?');
      at = slot.end;
    }
    general.append(sql, at, sql.length());
    return new LiteralParameters(sql, general.toString(), List.copyOf(slots));
  }

  /** A comparison, BETWEEN included, of a column with values. */
  private static boolean comparesColumn(SqlCall call) {
    List<SqlNode> operands = call.getOperandList();
    return switch (call.getKind()) {
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL -> operands.size() == 2
          && (operands.get(0) instanceof SqlIdentifier || operands.get(1) instanceof SqlIdentifier);
      case BETWEEN -> operands.size() == 3 && operands.get(0) instanceof SqlIdentifier;
      default -> false;
    };
  }

  private static boolean parameterizable(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral) {
      return true;
    }
    if (literal instanceof SqlCharStringLiteral string) {
      NlsString value = string.getValueAs(NlsString.class);
      return value.getCharsetName() == null && value.getCollation() == null;
    }
    return literal instanceof SqlUnknownLiteral unknown
        && (unknown.tag.equalsIgnoreCase("DATE") || unknown.tag.equalsIgnoreCase("TIMESTAMP"));
  }

  /**
   * The literal's span in the text, or null when the text there does not start as the literal
   * does (a position that would cut the text anywhere else).
   */
  private static Slot slot(String sql, int[] lineStarts, SqlLiteral literal) {
    SqlParserPos pos = literal.getParserPosition();
    int start = offset(lineStarts, pos.getLineNum(), pos.getColumnNum());
    int end = offset(lineStarts, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    if (start < 0 || end > sql.length() || start >= end) {
      return null;
    }
    String text = sql.substring(start, end);
    char first = text.charAt(0);
    boolean looksRight;
    if (literal instanceof SqlNumericLiteral) {
      looksRight = Character.isDigit(first) || first == '.' || first == '-' || first == '+';
    } else if (literal instanceof SqlCharStringLiteral) {
      looksRight = first == '\'' || (first == 'E' || first == 'e') && text.length() > 1
          && text.charAt(1) == '\'';
    } else {
      looksRight = text.toUpperCase(Locale.ROOT)
          .startsWith(((SqlUnknownLiteral) literal).tag.toUpperCase(Locale.ROOT));
    }
    return looksRight ? new Slot(-1, literal, start, end) : null;
  }

  private static int[] lineStarts(String sql) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == sql.length() || sql.charAt(i + 1) != '\n')) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The offset of a 1-based line and column, or -1. */
  private static int offset(int[] lineStarts, int line, int column) {
    return line < 1 || line > lineStarts.length ? -1 : lineStarts[line - 1] + column - 1;
  }

  /**
   * The general plan, run with this statement's values: null when a value does not fit its
   * parameter's type (the statement is then planned with its literals).
   */
  <T> CalciteSignature<T> bind(CalciteSignature<T> general) {
    if (general.parameters.size() != slots.size()) {
      return null;
    }
    Object[] values = new Object[slots.size()];
    int[] statementParameters = new int[slots.size()];
    List<AvaticaParameter> statementParameterTypes = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      statementParameters[i] = slot.statementParameter;
      if (slot.literal == null) {
        statementParameterTypes.add(general.parameters.get(i));
      } else {
        values[i] = internalValue(slot.literal, general.parameters.get(i));
        if (values[i] == NO_FIT) {
          return null;
        }
      }
    }
    return new CalciteSignature<>(sql, statementParameterTypes,
        general.internalParameters, general.rowType, general.columns, general.cursorFactory,
        general.rootSchema, general.getCollationList(), -1,
        context -> general.enumerable(new BoundContext(context, values, statementParameters)),
        general.statementType);
  }

  /**
   * A literal's value as Calcite's executor holds a parameter of this type (as a JDBC client's
   * value would arrive: whole numbers as Integer or Long, dates as days since 1970, timestamps
   * as milliseconds), or {@link #NO_FIT}.
   */
  private static Object internalValue(SqlLiteral literal, AvaticaParameter parameter) {
    if (literal instanceof SqlUnknownLiteral unknown) {
      SqlTypeName tag = unknown.tag.equalsIgnoreCase("DATE") ? SqlTypeName.DATE
          : SqlTypeName.TIMESTAMP;
      try {
        literal = unknown.resolve(tag);
      } catch (RuntimeException e) {
        return NO_FIT; // a malformed date: its plan reports it
      }
    }
    try {
      return switch (parameter.parameterType) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
            wholeNumber(literal, parameter.parameterType);
        case Types.DECIMAL, Types.NUMERIC -> decimal(literal, parameter);
        case Types.DOUBLE, Types.FLOAT -> literal instanceof SqlNumericLiteral
            ? (Object) literal.getValueAs(BigDecimal.class).doubleValue() : NO_FIT;
        case Types.VARCHAR -> literal instanceof SqlCharStringLiteral string
            && (parameter.precision <= 0
                || string.getValueAs(String.class).length() <= parameter.precision)
            ? string.getValueAs(String.class) : NO_FIT;
        case Types.DATE -> date(literal);
        case Types.TIMESTAMP -> timestamp(literal);
        default -> NO_FIT;
      };
    } catch (RuntimeException e) {
      return NO_FIT; // text that is no date, a number out of range
    }
  }

  private static Object wholeNumber(SqlLiteral literal, int type) {
    if (!(literal instanceof SqlNumericLiteral numeric) || !numeric.isExact()) {
      return NO_FIT;
    }
    long value = numeric.getValueAs(BigDecimal.class).longValueExact();
    return switch (type) {
      case Types.TINYINT -> value == (byte) value ? (Object) (byte) value : NO_FIT;
      case Types.SMALLINT -> value == (short) value ? (Object) (short) value : NO_FIT;
      case Types.INTEGER -> value == (int) value ? (Object) (int) value : NO_FIT;
      default -> value;
    };
  }

  private static Object decimal(SqlLiteral literal, AvaticaParameter parameter) {
    if (!(literal instanceof SqlNumericLiteral numeric) || !numeric.isExact()) {
      return NO_FIT;
    }
    BigDecimal value = numeric.getValueAs(BigDecimal.class);
    int scale = Math.max(0, value.scale());
    int wholeDigits = value.precision() - value.scale();
    return scale <= parameter.scale && wholeDigits <= parameter.precision - parameter.scale
        ? value : NO_FIT;
  }

  private static Object date(SqlLiteral literal) {
    if (literal.getTypeName() == SqlTypeName.DATE) {
      return literal.getValueAs(DateString.class).getDaysSinceEpoch();
    }
    if (literal instanceof SqlCharStringLiteral string) {
      String text = string.getValueAs(String.class).trim();
      return text.matches("\\d{4}-\\d{2}-\\d{2}")
          ? (Object) new DateString(text).getDaysSinceEpoch() : NO_FIT;
    }
    return NO_FIT;
  }

  private static Object timestamp(SqlLiteral literal) {
    if (literal.getTypeName() == SqlTypeName.TIMESTAMP) {
      return literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
    }
    if (literal.getTypeName() == SqlTypeName.DATE) {
      return literal.getValueAs(DateString.class).getMillisSinceEpoch();
    }
    if (literal instanceof SqlCharStringLiteral string) {
      String text = string.getValueAs(String.class).trim();
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new DateString(text).getMillisSinceEpoch();
      }
      return text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?")
          ? (Object) new TimestampString(text).getMillisSinceEpoch() : NO_FIT;
    }
    return NO_FIT;
  }

  /** A run's context with the statement's literals as parameters, beside its own ones. */
  private static final class BoundContext implements DataContext {
    private final DataContext run;
    private final Object[] values;
    private final int[] statementParameters;

    BoundContext(DataContext run, Object[] values, int[] statementParameters) {
      this.run = run;
      this.values = values;
      this.statementParameters = statementParameters;
    }

    @Override
    public Object get(String name) {
      if (name.length() > 1 && name.charAt(0) == '?') {
        int index;
        try {
          index = Integer.parseInt(name, 1, name.length(), 10);
        } catch (NumberFormatException e) {
          return run.get(name);
        }
        if (index < values.length) {
          int own = statementParameters[index];
          return own >= 0 ? run.get("?" + own) : values[index];
        }
      }
      return run.get(name);
    }

    @Override
    public SchemaPlus getRootSchema() {
      return run.getRootSchema();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return run.getTypeFactory();
    }

    @Override
    public QueryProvider getQueryProvider() {
      return run.getQueryProvider();
    }
  }
}
