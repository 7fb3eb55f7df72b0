package io.jointure.adapter;

import io.jointure.model.DeclaredType;
import io.jointure.sql.types.JointureTypeSystem;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An exposed SQL type, independent of any type factory: a type name with optional precision and
 * scale, or an array of another spec. Precision and scale are -1 when not given.
 */
public record SqlTypeSpec(SqlTypeName name, int precision, int scale, SqlTypeSpec element) {
  /** A numeric of any precision (PostgreSQL's unconstrained numeric, a BSON decimal). */
  public static final SqlTypeSpec UNCONSTRAINED_NUMERIC = of(SqlTypeName.DECIMAL,
      JointureTypeSystem.MAX_DECIMAL_PRECISION, JointureTypeSystem.UNCONSTRAINED_NUMERIC_SCALE);

  public static SqlTypeSpec of(SqlTypeName name) {
    return new SqlTypeSpec(name, -1, -1, null);
  }

  public static SqlTypeSpec of(SqlTypeName name, int precision) {
    return new SqlTypeSpec(name, precision, -1, null);
  }

  public static SqlTypeSpec of(SqlTypeName name, int precision, int scale) {
    return new SqlTypeSpec(name, precision, scale, null);
  }

  public static SqlTypeSpec arrayOf(SqlTypeSpec element) {
    return new SqlTypeSpec(SqlTypeName.ARRAY, -1, -1, element);
  }

  /** The type a model declares ({@code schema:} entries). */
  public static SqlTypeSpec of(DeclaredType declared) {
    SqlTypeSpec base = new SqlTypeSpec(SqlTypeName.valueOf(declared.name()), declared.precision(),
        declared.scale(), null);
    return declared.array() ? arrayOf(base) : base;
  }

  public RelDataType toRelType(RelDataTypeFactory factory) {
    if (name == SqlTypeName.ARRAY) {
      RelDataType elementType =
          factory.createTypeWithNullability(element.toRelType(factory), true);
      return factory.createArrayType(elementType, -1);
    }
    if (precision >= 0 && scale >= 0) {
      return factory.createSqlType(name, precision, scale);
    }
    if (precision >= 0) {
      return factory.createSqlType(name, precision);
    }
    return factory.createSqlType(name);
  }
}
