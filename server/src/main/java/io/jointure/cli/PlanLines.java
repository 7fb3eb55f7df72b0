package io.jointure.cli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * An EXPLAIN result as PostgreSQL gives it: one row per plan line under {@code QUERY PLAN}, so
 * that the shell prints a plan as psql does. Calcite answers one row holding the whole plan.
 */
final class PlanLines {
  private PlanLines() {
  }

  static boolean isExplain(String sql) {
    return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("explain");
  }

  /** The plan's lines as rows; a result of another shape is given back as it is. */
  static ResultSet of(ResultSet plan) throws SQLException {
    if (plan.getMetaData().getColumnCount() != 1) {
      return plan;
    }
    RowSetMetaDataImpl md = new RowSetMetaDataImpl();
    md.setColumnCount(1);
    md.setColumnName(1, "QUERY PLAN");
    md.setColumnLabel(1, "QUERY PLAN");
    md.setColumnType(1, Types.VARCHAR);
    md.setColumnTypeName(1, "VARCHAR");
    CachedRowSet lines = RowSetProvider.newFactory().createCachedRowSet();
    lines.setMetaData(md);
    while (plan.next()) {
      String text = plan.getString(1);
      for (String line : (text == null ? "" : text.stripTrailing()).split("\r?\n")) {
        lines.last(); // the row set inserts before its cursor's row: keep the cursor on the last
        lines.moveToInsertRow();
        lines.updateString(1, line);
        lines.insertRow();
        lines.moveToCurrentRow();
      }
    }
    lines.beforeFirst();
    return lines;
  }
}
