package io.jointure.pgwire.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One table of {@code pg_catalog} or {@code information_schema}: fixed rows, made once from the
 * model's metadata (or {@link #live} ones), with PostgreSQL's column names. Columns are added in order with
 * {@link #column}, then rows with {@link #row}.
 */
final class CatalogTable extends AbstractTable implements ScannableTable {
  /** A column; an ARRAY holds {@code element}s (key column numbers, options), as a List. */
  private record Column(String name, SqlTypeName type, SqlTypeName element) {
  }

  private final List<Column> columns = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();
  /** Rows read at each scan instead of the fixed ones (a session's settings), or null. */
  private java.util.function.Supplier<List<Object[]>> live;

  /** A column; ARRAY is an array of integers (key column numbers). */
  CatalogTable column(String name, SqlTypeName type) {
    columns.add(new Column(name, type, type == SqlTypeName.ARRAY ? SqlTypeName.INTEGER : null));
    return this;
  }

  /** A column of text arrays (options, ACLs). */
  CatalogTable textArray(String name) {
    columns.add(new Column(name, SqlTypeName.ARRAY, SqlTypeName.VARCHAR));
    return this;
  }

  /** Columns of one type. */
  CatalogTable columns(SqlTypeName type, String... names) {
    for (String name : names) {
      column(name, type);
    }
    return this;
  }

  CatalogTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.size()
          + " columns");
    }
    rows.add(values);
    return this;
  }

  /** Rows made anew at each scan, from state that changes (the session's settings). */
  CatalogTable live(java.util.function.Supplier<List<Object[]>> rows) {
    this.live = rows;
    return this;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (Column column : columns) {
      RelDataType type = column.type() == SqlTypeName.ARRAY
          ? typeFactory.createArrayType(typeFactory.createSqlType(column.element()), -1)
          : typeFactory.createSqlType(column.type());
      row.add(column.name(), typeFactory.createTypeWithNullability(type, true));
    }
    return row.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(live == null ? rows : live.get());
  }
}
