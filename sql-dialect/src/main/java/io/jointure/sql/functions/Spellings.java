package io.jointure.sql.functions;

import io.jointure.sql.functions.PostgresFunction.Spelling;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/** The ways PostgreSQL writes calls of Jointure's functions. */
public final class Spellings {
  private Spellings() {
  }

  /** {@code name(a, b)}, the name lower-case and unquoted as PostgreSQL's catalog has it. */
  public static Spelling call(String name) {
    return (writer, call, leftPrec, rightPrec) -> {
      SqlWriter.Frame frame = writer.startFunCall(name);
      for (SqlNode operand : call.getOperandList()) {
        writer.sep(",");
        operand.unparse(writer, 0, 0);
      }
      writer.endFunCall(frame);
    };
  }

  /** {@code (a op b)}. */
  public static Spelling infix(String operator) {
    return (writer, call, leftPrec, rightPrec) -> {
      SqlWriter.Frame frame = writer.startList("(", ")");
      call.operand(0).unparse(writer, 0, 0);
      writer.sep(operator);
      call.operand(1).unparse(writer, 0, 0);
      writer.endList(frame);
    };
  }

  /** {@code CAST(a AS type)}: what PostgreSQL's own cast computes. */
  public static Spelling cast(String type) {
    return (writer, call, leftPrec, rightPrec) -> {
      SqlWriter.Frame frame = writer.startFunCall("CAST");
      call.operand(0).unparse(writer, 0, 0);
      writer.sep("AS");
      writer.literal(type);
      writer.endFunCall(frame);
    };
  }
}
