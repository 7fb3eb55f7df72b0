package io.jointure.sql.errors;

/**
 * The errors Jointure reports, each with PostgreSQL's SQLSTATE and condition name (PostgreSQL's
 * documentation, appendix "Error Codes"), so that clients and tools that act on SQLSTATEs treat
 * Jointure's errors as PostgreSQL's.
 */
public enum ErrorCode {
  SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000"),
  SYNTAX_ERROR("42601"),
  UNDEFINED_COLUMN("42703"),
  UNDEFINED_TABLE("42P01"),
  UNDEFINED_SCHEMA("3F000"),
  UNDEFINED_FUNCTION("42883"),
  UNDEFINED_PARAMETER("42P02"),
  UNDEFINED_OBJECT("42704"),
  AMBIGUOUS_COLUMN("42702"),
  DUPLICATE_ALIAS("42712"),
  GROUPING_ERROR("42803"),
  DATATYPE_MISMATCH("42804"),
  INVALID_COLUMN_REFERENCE("42P10"),
  CARDINALITY_VIOLATION("21000"),
  DATA_EXCEPTION("22000"),
  STRING_DATA_RIGHT_TRUNCATION("22001"),
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  INVALID_DATETIME_FORMAT("22007"),
  DATETIME_FIELD_OVERFLOW("22008"),
  DIVISION_BY_ZERO("22012"),
  INTERVAL_FIELD_OVERFLOW("22015"),
  INVALID_PARAMETER_VALUE("22023"),
  INVALID_REGULAR_EXPRESSION("2201B"),
  INVALID_ARGUMENT_FOR_POWER_FUNCTION("2201F"),
  INVALID_TEXT_REPRESENTATION("22P02"),
  READ_ONLY_SQL_TRANSACTION("25006"),
  QUERY_CANCELED("57014"),
  CONNECTION_EXCEPTION("08000"),
  UNABLE_TO_CONNECT("08001"),
  CONNECTION_FAILURE("08006"),
  EXTERNAL_ROUTINE_EXCEPTION("38000"),
  INVALID_AUTHORIZATION("28000"),
  INVALID_PASSWORD("28P01"),
  OUT_OF_MEMORY("53200"),
  FEATURE_NOT_SUPPORTED("0A000"),
  CONFIG_FILE_ERROR("F0000"),
  INTERNAL_ERROR("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  /** The code of a SQLSTATE, or {@code null} when Jointure has none of that state. */
  public static ErrorCode of(String sqlState) {
    for (ErrorCode code : values()) {
      if (code.sqlState.equals(sqlState)) {
        return code;
      }
    }
    return null;
  }
}
