package io.jointure.pgwire.catalog;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/** A catalog function returning an array, typed by its {@link ArrayOf} element type. */
final class ArrayFunction implements ScalarFunction, ImplementableFunction {
  private final ScalarFunction method;
  private final SqlTypeName element;

  ArrayFunction(ScalarFunction method, SqlTypeName element) {
    this.method = method;
    this.element = element;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createTypeWithNullability(typeFactory.createArrayType(
        typeFactory.createSqlType(element), -1), true);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return method.getParameters();
  }

  @Override
  public CallImplementor getImplementor() {
    return ((ImplementableFunction) method).getImplementor();
  }
}
