package io.jointure.sql.validate;

import io.jointure.sql.parser.PostgresSyntax;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The names PostgreSQL gives select items written without {@code AS}: a function's name
 * ({@code count}, {@code sum}, {@code date_trunc}), a cast's type ({@code int4}, {@code text},
 * {@code numeric}), {@code case}, and {@code ?column?} for other expressions, where Calcite says
 * {@code EXPR$0}. Clients show these as column headers, and BI tools name fields by them. Columns
 * keep their names; two items with one label are told apart as Calcite does ({@code count},
 * {@code count0}), where PostgreSQL would repeat the name.
 */
final class PostgresColumnLabels {
  /** PostgreSQL's internal names of the types a cast may name. */
  private static final Map<String, String> TYPE_LABELS = Map.ofEntries(
      Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("bigint", "int8"),
      Map.entry("smallint", "int2"), Map.entry("tinyint", "int2"),
      Map.entry("double", "float8"), Map.entry("float", "float8"), Map.entry("real", "float4"),
      Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"),
      Map.entry("char", "bpchar"), Map.entry("character", "bpchar"),
      Map.entry("varchar", "varchar"));

  private PostgresColumnLabels() {
  }

  /** Labels the unnamed items of every select in {@code node}, in place. */
  static SqlNode labelItems(SqlNode node) {
    if (node == null) {
      return null;
    }
    java.util.Set<SqlNode> setOperands = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
            || call.getKind() == SqlKind.EXCEPT) {
          setOperands.addAll(call.getOperandList());
        }
        if (call instanceof SqlSelect select && select.getSelectList() != null) {
          SqlNodeList items = select.getSelectList();
          // A set operation's columns are found by name when ordered by position: there a
          // repeated label stays Calcite's unique EXPR$n.
          java.util.Set<String> used = new java.util.HashSet<>();
          boolean unique = setOperands.contains(select);
          for (int i = 0; i < items.size(); i++) {
            String label = labelOf(items.get(i));
            if (unique && !used.add(label != null ? label : nameOf(items.get(i)))) {
              continue;
            }
            if (label != null) {
              SqlNode item = items.get(i);
              items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, item,
                  new SqlIdentifier(label, item.getParserPosition())));
            }
          }
        }
        return super.visit(call);
      }
    });
    return node;
  }

  /** The name an item has already: its alias or column name, else null. */
  private static String nameOf(SqlNode item) {
    if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
      return ((SqlIdentifier) call.operand(1)).getSimple();
    }
    return item instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null;
  }

  /** PostgreSQL's label of an unnamed item, or null to keep Calcite's (a column, an alias). */
  private static String labelOf(SqlNode item) {
    if (item instanceof SqlIdentifier || item instanceof SqlSelect || item == null) {
      return null;
    }
    if (!(item instanceof SqlCall call)) {
      return "?column?"; // a literal, a parameter
    }
    switch (call.getKind()) {
      case AS:
        return null;
      case CAST: {
        // A cast keeps the name of what it casts (id::text is "id"); of a value, the type's.
        SqlNode operand = call.operand(0);
        if (operand instanceof SqlIdentifier column) {
          return column.names.get(column.names.size() - 1);
        }
        String inner = labelOf(operand);
        if (inner != null && !inner.equals("?column?") && !inner.equals("case")) {
          return inner;
        }
        if (call.operandCount() == 2 && call.operand(1) instanceof SqlDataTypeSpec type) {
          String name = type.getTypeName().getSimple().toLowerCase(Locale.ROOT);
          return TYPE_LABELS.getOrDefault(name, name);
        }
        return "?column?";
      }
      case CASE:
        return "case";
      case FILTER, OVER, WITHIN_GROUP, WITHIN_DISTINCT:
        // sum(x) FILTER (...), rank() OVER (...): the function's name
        String inner = labelOf(call.operand(0));
        return inner == null ? "?column?" : inner;
      default:
        if (call.getOperator().getName().equalsIgnoreCase(PostgresSyntax.DISTINCT_ON)) {
          return null; // DISTINCT ON's keys, which PostgresRewriter takes out of the list
        }
        if (call.getOperator() instanceof SqlFunction) {
          return call.getOperator().getName().toLowerCase(Locale.ROOT);
        }
        return call.getKind() == SqlKind.EXISTS ? "exists" : "?column?";
    }
  }
}
