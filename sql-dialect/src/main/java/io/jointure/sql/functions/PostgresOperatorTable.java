package io.jointure.sql.functions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The functions and operators SQL can call in Jointure: PostgreSQL's, with PostgreSQL's
 * semantics and result types. Jointure's own definitions ({@link PostgresFunctions},
 * {@link PostgresOperators}) hide Calcite's of the same name; the rest are Calcite's standard
 * and PostgreSQL-library functions whose behaviour matches PostgreSQL's.
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
        PostgresOperators.EXTRACT, PercentileCont.OPERATOR));
    Set<String> hidden = new HashSet<>();
    for (SqlOperator op : ours) {
      hidden.add(key(op));
    }
    SqlOperatorTable calcite = SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
        SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL);
    return SqlOperatorTables.chain(SqlOperatorTables.of(ours), new Hiding(calcite, hidden));
  }

  /**
   * Operators are found by name and syntax (and, for operators, kind: Calcite re-resolves
   * {@code +} by them while validating), so a definition of ours hides Calcite's.
   */
  private static String key(SqlOperator op) {
    String key = op.getName().toUpperCase(Locale.ROOT) + "/" + op.getSyntax();
    return op instanceof SqlFunction ? key : key + "/" + op.getKind();
  }

  /** Calcite's table without the operators Jointure defines itself. */
  private static final class Hiding implements SqlOperatorTable {
    private final SqlOperatorTable calcite;
    private final Set<String> hidden;

    Hiding(SqlOperatorTable calcite, Set<String> hidden) {
      this.calcite = calcite;
      this.hidden = hidden;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      List<SqlOperator> found = new ArrayList<>();
      calcite.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
      for (SqlOperator op : found) {
        if (!hidden.contains(key(op))) {
          operatorList.add(op);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return calcite.getOperatorList().stream().filter(op -> !hidden.contains(key(op)))
          .toList();
    }
  }
}
