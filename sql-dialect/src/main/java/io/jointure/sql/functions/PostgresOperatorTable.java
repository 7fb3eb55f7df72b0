package io.jointure.sql.functions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions and operators SQL can call in Jointure: PostgreSQL's, with PostgreSQL's
 * semantics and result types. Jointure's own definitions ({@link PostgresFunctions},
 * {@link PostgresOperators}) hide Calcite's of the same name; the rest are Calcite's standard and PostgreSQL-library functions
 * whose behaviour matches PostgreSQL's.
 */
public final class PostgresOperatorTable {
  private static final SqlOperatorTable INSTANCE = build();

  private PostgresOperatorTable() {
  }

  public static SqlOperatorTable instance() {
    return INSTANCE;
  }

  private static SqlOperatorTable build() {
    List<SqlOperator> ours = new ArrayList<>(PostgresFunctions.all());
    ours.addAll(List.of(PostgresOperators.PLUS, PostgresOperators.MINUS,
        PostgresOperators.EXTRACT));
    Set<String> names = new HashSet<>();
    for (SqlOperator op : ours) {
      names.add(key(op));
    }
    List<SqlOperator> operators = new ArrayList<>(ours);
    SqlOperatorTable calcite = SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
        SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL);
    for (SqlOperator op : calcite.getOperatorList()) {
      if (!names.contains(key(op))) {
        operators.add(op);
      }
    }
    return SqlOperatorTables.of(operators);
  }

  /**
   * Operators are found by name and syntax (and, for operators, kind: Calcite re-resolves
   * {@code +} by them while validating), so a definition of ours hides Calcite's.
   */
  private static String key(SqlOperator op) {
    String key = op.getName().toUpperCase(Locale.ROOT) + "/" + op.getSyntax();
    return op instanceof org.apache.calcite.sql.SqlFunction ? key : key + "/" + op.getKind();
  }
}
