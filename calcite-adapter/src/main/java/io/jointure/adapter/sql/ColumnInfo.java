package io.jointure.adapter.sql;

import io.jointure.adapter.SqlTypeSpec;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * A column as the source describes it, with the SQL type Jointure exposes for it.
 *
 * @param name       the source's column name, unchanged
 * @param nativeType the source's type name (e.g. {@code timestamptz}, {@code _int4})
 * @param type       how to build the exposed Calcite type
 * @param nullable   whether the source allows NULL
 */
public record ColumnInfo(String name, String nativeType, SqlTypeSpec type, boolean nullable) {
  public RelDataType relType(RelDataTypeFactory factory) {
    return factory.createTypeWithNullability(type.toRelType(factory), nullable);
  }
}
