package io.jointure.sql.functions;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DATE;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.jointure.sql.functions.PostgresFunction.ResultType;
import io.jointure.sql.values.PostgresCasts;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Jointure's definitions of PostgreSQL functions whose Calcite counterparts are missing or
 * differ, and of the operations behind PostgreSQL's operators and casts ({@code date - date},
 * {@code x::int}). Each is computed in Calcite's executor by the method it names and reaches a
 * PostgreSQL source spelled as PostgreSQL writes it.
 */
public final class PostgresFunctions {
  private static final SqlFunctionCategory TIME = SqlFunctionCategory.TIMEDATE;
  private static final SqlFunctionCategory TEXT = SqlFunctionCategory.STRING;
  private static final SqlFunctionCategory NUMBER = SqlFunctionCategory.NUMERIC;
  private static final SqlFunctionCategory SYSTEM = SqlFunctionCategory.SYSTEM;
  private static final Class<?> D = DateTimeFunctions.class;
  private static final Class<?> T = TextFunctions.class;
  private static final Class<?> N = NumericFunctions.class;
  private static final Class<?> C = PostgresCasts.class;

  /** What {@code extract} answers: numeric, as PostgreSQL 14 and later. */
  static final ResultType EXTRACTED = ResultType.decimal(20, 6);

  /**
   * {@code date_trunc(field, x)}; a DATE argument goes as a timestamp at midnight (PostgreSQL
   * would make it a timestamptz), so the result is a timestamp either way.
   */
  public static final PostgresFunction DATE_TRUNC = PostgresFunction.named("date_trunc", TIME)
      .signature(TIMESTAMP, D, "dateTrunc", VARCHAR, TIMESTAMP)
      .build();

  public static final PostgresFunction DATE_PART = PostgresFunction.named("date_part", TIME)
      .signature(DOUBLE, D, "datePart", VARCHAR, TIMESTAMP)
      .build();

  /** What {@code EXTRACT(field FROM x)} computes: numeric, as PostgreSQL 14 and later. */
  public static final PostgresFunction EXTRACT = PostgresFunction.named("extract", TIME)
      .signature(EXTRACTED, D, "extract", VARCHAR, TIMESTAMP)
      .signature(EXTRACTED, D, "extractDayTime", VARCHAR, SqlTypeName.INTERVAL_DAY_SECOND)
      .signature(EXTRACTED, D, "extractYearMonth", VARCHAR, SqlTypeName.INTERVAL_YEAR_MONTH)
      .spelled(PostgresFunctions::spellExtract)
      .build();

  /** {@code age(a, b)}: the interval between them, as PostgreSQL prints it. */
  public static final PostgresFunction AGE = PostgresFunction.named("age", TIME)
      .signature(VARCHAR, D, "age", TIMESTAMP, TIMESTAMP)
      .build();

  public static final PostgresFunction MAKE_DATE = PostgresFunction.named("make_date", TIME)
      .signature(DATE, D, "makeDate", INTEGER, INTEGER, INTEGER)
      .build();

  public static final PostgresFunction MAKE_TIMESTAMP =
      PostgresFunction.named("make_timestamp", TIME)
          .signature(TIMESTAMP, D, "makeTimestamp", INTEGER, INTEGER, INTEGER, INTEGER, INTEGER,
              DOUBLE)
          .build();

  public static final PostgresFunction TO_CHAR = PostgresFunction.named("to_char", TEXT)
      .signature(VARCHAR, D, "toChar", TIMESTAMP, VARCHAR)
      .signature(VARCHAR, N, "toChar", DECIMAL, VARCHAR)
      .signature(VARCHAR, N, "toChar", DOUBLE, VARCHAR)
      .build();

  public static final PostgresFunction TO_TIMESTAMP = PostgresFunction.named("to_timestamp", TIME)
      .signature(TIMESTAMP, D, "toTimestamp", VARCHAR, VARCHAR)
      .signature(TIMESTAMP, D, "fromEpoch", DOUBLE)
      .build();

  public static final PostgresFunction TO_DATE = PostgresFunction.named("to_date", TIME)
      .signature(DATE, D, "toDate", VARCHAR, VARCHAR)
      .build();

  /** {@code btrim}, {@code ltrim}, {@code rtrim}: spaces, or any of the given characters. */
  public static final PostgresFunction BTRIM = trim("btrim");
  public static final PostgresFunction LTRIM = trim("ltrim");
  public static final PostgresFunction RTRIM = trim("rtrim");

  public static final PostgresFunction LEFT = PostgresFunction.named("left", TEXT)
      .signature(VARCHAR, T, "left", VARCHAR, INTEGER)
      .build();

  public static final PostgresFunction RIGHT = PostgresFunction.named("right", TEXT)
      .signature(VARCHAR, T, "right", VARCHAR, INTEGER)
      .build();

  /** {@code length}: characters; a char(n)'s trailing spaces do not count. */
  public static final PostgresFunction LENGTH = length("length");
  public static final PostgresFunction CHAR_LENGTH = length("char_length");
  public static final PostgresFunction CHARACTER_LENGTH = length("character_length");

  public static final PostgresFunction REVERSE = PostgresFunction.named("reverse", TEXT)
      .signature(VARCHAR, T, "reverse", VARCHAR)
      .build();

  /**
   * {@code round}: numeric half away from zero (to {@code n} places: a numeric of scale n),
   * double precision half to even.
   */
  public static final PostgresFunction ROUND = rounding("round");
  public static final PostgresFunction TRUNC = rounding("trunc");

  /** {@code sqrt}: numeric for numeric (PostgreSQL's), double precision for the rest. */
  public static final PostgresFunction SQRT = PostgresFunction.named("sqrt", NUMBER)
      .signature(DOUBLE, N, "sqrt", DOUBLE)
      .signature(ResultType.decimal(38, 16), N, "sqrt", DECIMAL)
      .build();

  /** The operations behind operators and casts; not callable by name. */
  public static final PostgresFunction DATE_PLUS_DAYS =
      PostgresFunction.named("date_plus_days", TIME)
          .signature(DATE, D, "addDays", DATE, INTEGER).spelled(Spellings.infix("+")).build();
  public static final PostgresFunction DATE_MINUS_DAYS =
      PostgresFunction.named("date_minus_days", TIME)
          .signature(DATE, D, "subtractDays", DATE, INTEGER).spelled(Spellings.infix("-"))
          .build();
  public static final PostgresFunction DAYS_BETWEEN =
      PostgresFunction.named("days_between", TIME)
          .signature(INTEGER, D, "daysBetween", DATE, DATE).spelled(Spellings.infix("-"))
          .build();

  public static final PostgresFunction TEXT_TO_BOOLEAN = cast("boolean", BOOLEAN, "textToBoolean",
      VARCHAR);
  public static final PostgresFunction TEXT_TO_TIMESTAMP = cast("timestamp", TIMESTAMP,
      "textToTimestamp", VARCHAR);
  public static final PostgresFunction TEXT_TO_DATE = cast("date", DATE, "textToDate", VARCHAR);
  public static final PostgresFunction INTEGER_TO_BOOLEAN = cast("boolean", BOOLEAN,
      "integerToBoolean", INTEGER);
  public static final PostgresFunction BOOLEAN_TO_TEXT = cast("text", VARCHAR, "booleanToText",
      BOOLEAN);
  public static final PostgresFunction DOUBLE_TO_TEXT = cast("text", VARCHAR, "doubleToText",
      DOUBLE);
  public static final PostgresFunction REAL_TO_TEXT = cast("text", VARCHAR, "realToText", REAL);
  public static final PostgresFunction TIMESTAMP_TO_TEXT = cast("text", VARCHAR,
      "timestampToText", TIMESTAMP);
  public static final PostgresFunction DAY_TIME_INTERVAL_TO_TEXT = cast("text", VARCHAR,
      "dayTimeIntervalToText", SqlTypeName.INTERVAL_DAY_SECOND);
  public static final PostgresFunction YEAR_MONTH_INTERVAL_TO_TEXT = cast("text", VARCHAR,
      "yearMonthIntervalToText", SqlTypeName.INTERVAL_YEAR_MONTH);
  public static final PostgresFunction DECIMAL_TO_INTEGER = cast("integer", INTEGER,
      "decimalToInteger", DECIMAL);
  public static final PostgresFunction DECIMAL_TO_BIGINT = cast("bigint", BIGINT,
      "decimalToBigint", DECIMAL);
  public static final PostgresFunction DECIMAL_TO_SMALLINT = cast("smallint", SMALLINT,
      "decimalToSmallint", DECIMAL);
  public static final PostgresFunction DOUBLE_TO_INTEGER = cast("integer", INTEGER,
      "doubleToInteger", DOUBLE);
  public static final PostgresFunction DOUBLE_TO_BIGINT = cast("bigint", BIGINT,
      "doubleToBigint", DOUBLE);
  public static final PostgresFunction DOUBLE_TO_SMALLINT = cast("smallint", SMALLINT,
      "doubleToSmallint", DOUBLE);

  private PostgresFunctions() {
  }

  /** The functions SQL calls by name, for the operator table. */
  static List<SqlOperator> all() {
    return List.of(DATE_TRUNC, DATE_PART, AGE, MAKE_DATE, MAKE_TIMESTAMP, TO_CHAR, TO_TIMESTAMP,
        TO_DATE, BTRIM, LTRIM, RTRIM, LEFT, RIGHT, LENGTH, CHAR_LENGTH, CHARACTER_LENGTH, REVERSE,
        ROUND, TRUNC, SQRT, CurrentTimeFunction.NOW,
        CurrentTimeFunction.TRANSACTION_TIMESTAMP, CurrentTimeFunction.STATEMENT_TIMESTAMP);
  }

  private static PostgresFunction trim(String name) {
    return PostgresFunction.named(name, TEXT)
        .signature(VARCHAR, T, name, VARCHAR)
        .signature(VARCHAR, T, name, VARCHAR, VARCHAR)
        .build();
  }

  /** {@code round}/{@code trunc}: of a double, of a numeric, of a numeric to n places. */
  private static PostgresFunction rounding(String name) {
    return PostgresFunction.named(name, NUMBER)
        .signature(DOUBLE, N, name, DOUBLE)
        .signature(PostgresFunctions::scaleZero, N, name, DECIMAL)
        .signature(PostgresFunctions::scaleOfSecond, N, name, DECIMAL, INTEGER)
        .build();
  }

  private static PostgresFunction length(String name) {
    return PostgresFunction.named(name, TEXT)
        .signature(INTEGER, T, "lengthOfChar", SqlTypeName.CHAR)
        .signature(INTEGER, T, "length", VARCHAR)
        .build();
  }

  private static PostgresFunction cast(String postgresType, SqlTypeName result, String method,
      SqlTypeName operand) {
    return PostgresFunction.named("cast_to_" + postgresType, SYSTEM)
        .signature(result, C, method, operand)
        .spelled(Spellings.cast(postgresType))
        .build();
  }

  private static RelDataType scaleZero(org.apache.calcite.rel.type.RelDataTypeFactory types,
      List<RelDataType> operands, org.apache.calcite.sql.SqlOperatorBinding call) {
    RelDataType value = operands.get(0);
    return types.createSqlType(DECIMAL, Math.max(1, value.getPrecision() - value.getScale()),
        0);
  }

  /** {@code round(x, n)}: scale n when n is a constant, else the value's own scale. */
  private static RelDataType scaleOfSecond(org.apache.calcite.rel.type.RelDataTypeFactory types,
      List<RelDataType> operands, org.apache.calcite.sql.SqlOperatorBinding call) {
    RelDataType value = operands.get(0);
    int scale = value.getScale();
    if (call.isOperandLiteral(1, false)) {
      Integer places = call.getOperandLiteralValue(1, Integer.class);
      if (places != null) {
        scale = Math.max(0, places);
      }
    }
    int integerDigits = Math.max(1, value.getPrecision() - value.getScale());
    int max = types.getTypeSystem().getMaxNumericPrecision();
    return types.createSqlType(DECIMAL, Math.min(max, integerDigits + scale), scale);
  }

  /** {@code EXTRACT(EPOCH FROM x)}: the field as a keyword. */
  private static void spellExtract(SqlWriter writer, SqlCall call, int left, int right) {
    SqlWriter.Frame frame = writer.startFunCall("EXTRACT");
    String field = call.operand(0) instanceof SqlCharStringLiteral literal
        ? literal.getValueAs(String.class) : call.operand(0).toString();
    writer.keyword(field.toUpperCase(java.util.Locale.ROOT));
    writer.sep("FROM");
    call.operand(1).unparse(writer, 0, 0);
    writer.endFunCall(frame);
  }
}
