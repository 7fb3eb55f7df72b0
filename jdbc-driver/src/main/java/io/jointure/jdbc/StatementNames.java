package io.jointure.jdbc;

import io.jointure.sql.errors.ErrorTranslator;
import io.jointure.sql.functions.PostgresOperatorTable;
import io.jointure.sql.parser.PostgresSqlParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The names a failed statement may have meant, for "did you mean": the columns of the tables it
 * reads, the tables of the model, the functions SQL can call. Computed only when a statement
 * fails, from its text and the connection's schemas.
 */
final class StatementNames implements ErrorTranslator.Names {
  private final CalciteSchema root;
  private final String sql;
  private final RelDataTypeFactory types;

  StatementNames(CalciteSchema root, String sql, RelDataTypeFactory types) {
    this.root = root;
    this.sql = sql;
    this.types = types;
  }

  @Override
  public Collection<String> columns() {
    Set<String> columns = new LinkedHashSet<>();
    for (List<String> name : tablesRead()) {
      Table table = table(name);
      if (table != null) {
        try {
          columns.addAll(table.getRowType(types).getFieldNames());
        } catch (RuntimeException e) {
          // A source that cannot be read has no names to offer.
        }
      }
    }
    return columns;
  }

  @Override
  public Collection<String> tables() {
    List<String> tables = new ArrayList<>();
    for (CalciteSchema schema : root.getSubSchemaMap().values()) {
      for (String table : schema.getTableNames()) {
        tables.add(schema.getName() + "." + table);
      }
    }
    return tables;
  }

  @Override
  public Collection<String> functions() {
    Set<String> functions = new LinkedHashSet<>();
    for (SqlOperator op : PostgresOperatorTable.instance().getOperatorList()) {
      if (op instanceof SqlFunction && op.getName().matches("\\w+")) {
        functions.add(op.getName().toLowerCase(Locale.ROOT));
      }
    }
    return functions;
  }

  private Table table(List<String> name) {
    CalciteSchema schema = root;
    for (int i = 0; i < name.size() - 1 && schema != null; i++) {
      schema = schema.getSubSchema(name.get(i), false);
    }
    if (schema == null) {
      return null;
    }
    CalciteSchema.TableEntry entry = schema.getTable(name.get(name.size() - 1), false);
    return entry == null ? null : entry.getTable();
  }

  /** The names in the statement's FROM clauses. */
  private List<List<String>> tablesRead() {
    List<List<String>> names = new ArrayList<>();
    SqlNode statement;
    try {
      statement = SqlParser.create(sql, PostgresSqlParser.config()).parseStmt();
    } catch (SqlParseException e) {
      return names;
    }
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getFrom() != null) {
          collect(select.getFrom(), names);
        }
        return super.visit(call);
      }
    });
    return names;
  }

  private static void collect(SqlNode from, List<List<String>> names) {
    if (from instanceof SqlIdentifier id) {
      names.add(id.names);
    } else if (from instanceof SqlJoin join) {
      collect(join.getLeft(), names);
      collect(join.getRight(), names);
    } else if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
      collect(call.operand(0), names);
    } else if (from instanceof SqlNodeList list) {
      list.forEach(item -> collect(item, names));
    }
  }
}
