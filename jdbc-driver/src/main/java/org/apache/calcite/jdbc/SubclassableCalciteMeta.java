package org.apache.calcite.jdbc;

import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Lets code outside Calcite extend {@link CalciteMetaImpl}: its constructor takes Calcite's
 * package-private connection class, and its table listing is package-private, which only this
 * package can reach. Jointure's own metadata (source keys) extends this; nothing else lives in
 * Calcite's package.
 */
public abstract class SubclassableCalciteMeta extends CalciteMetaImpl {
  protected SubclassableCalciteMeta(CalciteConnection connection) {
    super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
        CalciteMetaColumnFactoryImpl.INSTANCE);
  }

  /** Whether a table is internal and left out of {@code getTables} and {@code getColumns}. */
  protected abstract boolean isHidden(String tableName);

  @Override
  Enumerable<MetaTable> tables(MetaSchema schema, LikePattern tableNamePattern) {
    return super.tables(schema, tableNamePattern).where(t -> !isHidden(t.tableName));
  }
}
