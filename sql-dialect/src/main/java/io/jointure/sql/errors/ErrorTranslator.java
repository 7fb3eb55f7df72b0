package io.jointure.sql.errors;

import io.jointure.sql.parser.PostgresSyntax;
import java.time.DateTimeException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Every failure as the user should read it: PostgreSQL's SQLSTATE, and a message of one or two
 * lines saying what is wrong, where (line and column of the user's SQL, the name) and, where
 * one is near, the name that was probably meant. The one place that knows how Calcite words its
 * errors (parser, validator, generated code) and what they mean in PostgreSQL's terms.
 */
public final class ErrorTranslator {
  /** Names a misspelt one may have meant: columns and tables the statement reads, functions. */
  public interface Names {
    Collection<String> columns();

    Collection<String> tables();

    Collection<String> functions();

    Names NONE = new Names() {
      @Override
      public Collection<String> columns() {
        return List.of();
      }

      @Override
      public Collection<String> tables() {
        return List.of();
      }

      @Override
      public Collection<String> functions() {
        return List.of();
      }
    };
  }

  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");
  private static final Pattern ENCOUNTERED_CHARACTER = Pattern.compile("Encountered: \"(.*?)\"");
  private static final Pattern NEAR_KEYWORD =
      Pattern.compile("Incorrect syntax near the keyword '(.+?)'");
  private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*)\"");
  private static final Pattern CAST_INPUT = Pattern.compile("Invalid character for cast: (.*)");
  private static final Pattern DATETIME_FIELD_OVERFLOW =
      Pattern.compile("Value of \\w+ field is out of range in '(.+?)'");
  private static final Pattern INVALID_DATETIME = Pattern.compile(
      "^Invalid (DATE|TIME|TIMESTAMP) value|Invalid (date|time|timestamp) format");

  /** A validator message Calcite writes, and what it is in PostgreSQL's words. */
  private record Rule(ErrorCode code, Pattern pattern,
      BiFunction<Matcher, Names, String> message) {
  }

  private static final List<Rule> VALIDATION = List.of(
      rule(ErrorCode.UNDEFINED_COLUMN,
          "Column '(.+?)' not found in table '(.+?)'(?:; did you mean '(.+?)'\\?)?",
          (m, names) -> "column " + m.group(2) + "." + quoted(m.group(1)) + " does not exist"
              + didYouMean(m.group(1), m.group(3), names.columns())),
      rule(ErrorCode.UNDEFINED_COLUMN,
          "Column '(.+?)' not found in any table(?:; did you mean '(.+?)'\\?)?",
          (m, names) -> "column " + quoted(m.group(1)) + " does not exist"
              + didYouMean(m.group(1), m.group(2), names.columns())),
      rule(ErrorCode.UNDEFINED_COLUMN, "Unknown identifier '(.+?)'",
          (m, names) -> "column " + quoted(m.group(1)) + " does not exist"
              + didYouMean(m.group(1), null, names.columns())),
      rule(ErrorCode.UNDEFINED_TABLE,
          "Object '(.+?)' not found within '(.+?)'(?:; did you mean '(.+?)'\\?)?",
          (m, names) -> "relation " + quoted(m.group(2) + "." + m.group(1)) + " does not exist"
              + didYouMean(m.group(2) + "." + m.group(1), qualified(m.group(2), m.group(3)),
                  names.tables())),
      rule(ErrorCode.UNDEFINED_TABLE,
          "(?:Object|Table) '(.+?)' not found(?:; did you mean '(.+?)'\\?)?",
          (m, names) -> "relation " + quoted(m.group(1)) + " does not exist"
              + didYouMean(m.group(1), m.group(2), names.tables())),
      rule(ErrorCode.UNDEFINED_FUNCTION, "No match found for function signature (\\w+)\\((.*)\\)",
          (m, names) -> "function " + m.group(1).toLowerCase(Locale.ROOT) + "("
              + typeNames(m.group(2)) + ") does not exist"
              + didYouMean(m.group(1), null, names.functions())),
      rule(ErrorCode.UNDEFINED_FUNCTION,
          "Cannot apply '(.+?)' to arguments of type '(.+?)'\\. Supported form\\(s\\):(.*)",
          (m, names) -> (m.group(1).matches("\\w+")
              ? "function " + m.group(1).toLowerCase(Locale.ROOT) + "("
                  + typeNames(argumentList(m.group(2))) + ") does not exist"
              : "operator does not exist: " + typeNames(m.group(2)))
              + "; HINT it takes " + typeNames(m.group(3).trim().replace("\n", ", "))),
      rule(ErrorCode.UNDEFINED_FUNCTION,
          "Invalid number of arguments to function '(.+?)'\\. Was expecting (\\d+) arguments",
          (m, names) -> "function " + m.group(1).toLowerCase(Locale.ROOT) + " takes "
              + m.group(2) + " arguments"),
      rule(ErrorCode.AMBIGUOUS_COLUMN, "Column '(.+?)' is ambiguous",
          (m, names) -> "column reference " + quoted(m.group(1)) + " is ambiguous; qualify it"
              + " with its table's name or alias"),
      rule(ErrorCode.GROUPING_ERROR, "Expression '(.+?)' is not being grouped",
          (m, names) -> "column " + quoted(m.group(1)) + " must appear in the GROUP BY clause"
              + " or be used in an aggregate function"),
      rule(ErrorCode.GROUPING_ERROR,
          "(?:Windowed )?[Aa]ggregate expression is illegal in (.+?) clause",
          (m, names) -> "aggregate functions are not allowed in " + m.group(1)),
      rule(ErrorCode.UNDEFINED_OBJECT, "Unknown datatype name '(.+?)'",
          (m, names) -> "type " + quoted(m.group(1)) + " does not exist"),
      rule(ErrorCode.DUPLICATE_ALIAS, "Duplicate relation name '(.+?)' in FROM clause",
          (m, names) -> "table name " + quoted(m.group(1)) + " specified more than once"),
      rule(ErrorCode.INVALID_COLUMN_REFERENCE, "Ordinal out of range",
          (m, names) -> "position in ORDER BY or GROUP BY is not in the select list"),
      rule(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Numeric literal '(.+?)' out of range",
          (m, names) -> "value " + m.group(1) + " is out of range"),
      rule(ErrorCode.INVALID_DATETIME_FORMAT, "Illegal (\\w+) literal '(.+?)'.*",
          (m, names) -> "invalid input syntax for type " + m.group(1).toLowerCase(Locale.ROOT)
              + ": " + quoted(m.group(2))),
      rule(ErrorCode.DATETIME_FIELD_OVERFLOW, DATETIME_FIELD_OVERFLOW.pattern(),
          (m, names) -> "date/time field value out of range: " + quoted(m.group(1))),
      rule(ErrorCode.INTERVAL_FIELD_OVERFLOW, "(Interval field value .+)",
          (m, names) -> m.group(1)),
      rule(ErrorCode.DATATYPE_MISMATCH, "(Values passed to .+|Illegal mixing of types.+"
              + "|Type mismatch.*|.+ clause must be a condition|Cannot infer return type.+"
              + "|Parameters must be of the same type|Cannot assign .+)",
          (m, names) -> m.group(1)));

  private ErrorTranslator() {
  }

  private static Rule rule(ErrorCode code, String regex,
      BiFunction<Matcher, Names, String> message) {
    return new Rule(code, Pattern.compile(regex, Pattern.DOTALL), message);
  }

  /**
   * The failure as a {@link JointureException}.
   *
   * @param sql   the statement as the user wrote it, for positions; or null
   * @param names names for "did you mean"
   */
  public static JointureException translate(Throwable thrown, String sql, Names names) {
    JointureException known = translateKnown(thrown, sql, names);
    return known != null ? known : internal(thrown);
  }

  /** A failure Jointure does not know: an internal error naming its root cause. */
  public static JointureException internal(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new JointureException(ErrorCode.INTERNAL_ERROR, "internal error: "
        + root.getClass().getSimpleName() + (root.getMessage() == null ? ""
            : ": " + firstLine(root.getMessage()))
        + "; please report it with the statement", thrown);
  }

  /** The failure as a {@link JointureException}, or null when it is none Jointure knows. */
  public static JointureException translateKnown(Throwable thrown, String sql, Names names) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof JointureException known) {
        return known;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SqlParseException parse) {
        return syntax(parse, sql);
      }
      if (t instanceof CalciteContextException context) {
        return validation(context, sql, names);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return data(thrown);
  }

  private static JointureException syntax(SqlParseException e, String sql) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String near;
    Matcher encountered = ENCOUNTERED.matcher(message);
    Matcher lexical = ENCOUNTERED_CHARACTER.matcher(message);
    Matcher keyword = NEAR_KEYWORD.matcher(message);
    if (keyword.find()) {
      near = keyword.group(1);
    } else if (encountered.find()) {
      String tokens = encountered.group(1).trim();
      near = tokens.equals("<EOF>") || tokens.isEmpty() ? null : tokens.split("\\s+")[0];
    } else if (lexical.find()) {
      near = lexical.group(1);
    } else {
      return new JointureException(ErrorCode.SYNTAX_ERROR, "syntax error: " + firstLine(
          message.replaceAll("\\s*at line \\d+, column \\d+\\.?", ""))
          + position(sql, e.getPos().getLineNum(), e.getPos().getColumnNum()), e);
    }
    return new JointureException(ErrorCode.SYNTAX_ERROR, (near == null
        ? "syntax error at end of input" : "syntax error at or near " + quoted(near))
        + position(sql, e.getPos().getLineNum(), e.getPos().getColumnNum()), e);
  }

  private static JointureException validation(CalciteContextException e, String sql,
      Names names) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    String where = position(sql, e.getPosLine(), e.getPosColumn());
    for (Rule rule : VALIDATION) {
      Matcher m = rule.pattern.matcher(message);
      if (m.matches()) {
        String text = rule.message.apply(m, names);
        int hint = text.indexOf("; did you mean");
        if (hint < 0) {
          hint = text.indexOf("; HINT ");
          text = text.replace("; HINT ", "; ");
        }
        String placed = hint < 0 ? text + where : text.substring(0, hint) + where
            + text.substring(hint);
        return new JointureException(rule.code, placed, e);
      }
    }
    return new JointureException(ErrorCode.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
        firstLine(message) + where, e);
  }

  /** Failures of the values a query computes (in generated code or a source's reader). */
  private static JointureException data(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof OutOfMemoryError) {
        return new JointureException(ErrorCode.OUT_OF_MEMORY, "out of memory: the query needs"
            + " more memory than Jointure has; narrow it or give the JVM more (-Xmx)", thrown);
      }
      if (t instanceof ArithmeticException) {
        if (message.toLowerCase(Locale.ROOT).contains("zero")) {
          return new JointureException(ErrorCode.DIVISION_BY_ZERO, "division by zero", thrown);
        }
        return new JointureException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            "numeric value out of range" + (message.isEmpty() ? "" : " (" + message + ")"),
            thrown);
      }
      if (t instanceof NumberFormatException) {
        Matcher input = NUMBER_INPUT.matcher(message);
        String value = input.find() ? input.group(1) : message;
        return new JointureException(ErrorCode.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for a number: " + quoted(value), thrown);
      }
      if (t instanceof PatternSyntaxException pattern) {
        return new JointureException(ErrorCode.INVALID_REGULAR_EXPRESSION,
            "invalid regular expression: " + pattern.getDescription() + " in "
                + quoted(pattern.getPattern()), thrown);
      }
      if (t instanceof DateTimeException) {
        return new JointureException(ErrorCode.INVALID_DATETIME_FORMAT,
            "invalid date or time: " + firstLine(message), thrown);
      }
      Matcher cast = CAST_INPUT.matcher(message);
      if (cast.find()) {
        return new JointureException(ErrorCode.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax: " + quoted(cast.group(1)), thrown);
      }
      Matcher field = DATETIME_FIELD_OVERFLOW.matcher(message);
      if (field.find()) {
        return new JointureException(ErrorCode.DATETIME_FIELD_OVERFLOW,
            "date/time field value out of range: " + quoted(field.group(1)), thrown);
      }
      if (message.contains("more than one value in agg SINGLE_VALUE")) {
        return new JointureException(ErrorCode.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression", thrown);
      }
      if (INVALID_DATETIME.matcher(message).find()) {
        return new JointureException(ErrorCode.INVALID_DATETIME_FORMAT, firstLine(message),
            thrown);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** " (line 1, column 8)" in the user's text, or nothing when the place is unknown. */
  private static String position(String sql, int line, int column) {
    if (line <= 0 || column <= 0) {
      return "";
    }
    int[] original = sql == null ? new int[] {line, column}
        : PostgresSyntax.adapt(sql).edits().originalPosition(line, column);
    return " (line " + original[0] + ", column " + original[1] + ")";
  }

  private static String didYouMean(String name, String calciteSuggestion,
      Collection<String> candidates) {
    String suggestion = calciteSuggestion != null ? calciteSuggestion
        : Suggestions.closest(name, candidates).orElse(null);
    if (suggestion == null || suggestion.equalsIgnoreCase(name)) {
      return "";
    }
    return "; did you mean " + quoted(suggestion) + "?";
  }

  private static String qualified(String schema, String name) {
    return name == null ? null : schema + "." + name;
  }

  /** Calcite's operand type list {@code <CHARACTER>, <TIMESTAMP>} in PostgreSQL's names. */
  private static String typeNames(String calcite) {
    return calcite.replace("<CHARACTER>", "text").replace("<VARCHAR>", "text")
        .replace("<CHAR>", "text").replace("<STRING>", "text")
        .replace("<INTEGER>", "integer").replace("<BIGINT>", "bigint")
        .replace("<SMALLINT>", "smallint").replace("<NUMERIC>", "numeric")
        .replace("<DECIMAL>", "numeric").replace("<DOUBLE>", "double precision")
        .replace("<DATE>", "date").replace("<TIMESTAMP>", "timestamp").replace("<TIME>", "time")
        .replace("<BOOLEAN>", "boolean").replace("<DATETIME_INTERVAL>", "interval")
        .replace("<DATETIME>", "date/time").replace("<INTERVAL>", "interval")
        .replaceAll("<([A-Z_ ]+)>", "$1").replaceAll("'", "").replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  /** {@code 'F(<A>, <B>)'} to {@code <A>, <B>}. */
  private static String argumentList(String call) {
    int open = call.indexOf('(');
    return open >= 0 && call.endsWith(")") ? call.substring(open + 1, call.length() - 1) : call;
  }

  static String quoted(String name) {
    return "\"" + name + "\"";
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).trim();
  }
}
