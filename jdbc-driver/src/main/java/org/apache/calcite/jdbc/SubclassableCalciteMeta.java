package org.apache.calcite.jdbc;

/**
 * Lets code outside Calcite extend {@link CalciteMetaImpl}: its constructor takes Calcite's
 * package-private connection class, which only this package can name. Jointure's own metadata
 * (source keys) extends this; nothing else lives in Calcite's package.
 */
public abstract class SubclassableCalciteMeta extends CalciteMetaImpl {
  protected SubclassableCalciteMeta(CalciteConnection connection) {
    super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
        CalciteMetaColumnFactoryImpl.INSTANCE);
  }
}
