package io.jointure.sql.functions;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code now()}, {@code transaction_timestamp()}, {@code statement_timestamp()}: the time the
 * statement started, as Calcite's {@code CURRENT_TIMESTAMP} (in the session's time zone, as
 * Jointure shows timestamptz values), with milliseconds.
 */
public final class CurrentTimeFunction extends SqlFunction {
  public static final CurrentTimeFunction NOW = new CurrentTimeFunction("now");
  public static final CurrentTimeFunction TRANSACTION_TIMESTAMP =
      new CurrentTimeFunction("transaction_timestamp");
  public static final CurrentTimeFunction STATEMENT_TIMESTAMP =
      new CurrentTimeFunction("statement_timestamp");

  private CurrentTimeFunction(String name) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3), null,
        OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);
  }

  @Override
  public boolean isDynamicFunction() {
    return true;
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }
}
