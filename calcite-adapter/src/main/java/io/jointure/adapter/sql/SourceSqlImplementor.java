package io.jointure.adapter.sql;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.sql.SqlDialect;

/**
 * Calcite's relational-to-SQL converter, taught to name {@link SourceTableScan}s by their native
 * schema and table names (Calcite only knows how to do so for its own JDBC tables).
 */
public final class SourceSqlImplementor extends JdbcImplementor {
  SourceSqlImplementor(SqlDialect dialect, JavaTypeFactory typeFactory) {
    super(dialect, typeFactory);
  }

  /** Called by the converter's reflective dispatch for every scan of a source table. */
  public Result visit(SourceTableScan scan) {
    return scan.implement(this);
  }
}
