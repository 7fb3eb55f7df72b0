package io.jointure.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jointure.adapter.SqlTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;

class BsonTypesTest {
  private static SqlTypeName widen(BsonType a, BsonType b) {
    return BsonTypes.widen(BsonTypes.of(a), BsonTypes.of(b)).name();
  }

  @Test
  void numbersWidenToTheWiderNumber() {
    assertEquals(SqlTypeName.BIGINT, widen(BsonType.INT32, BsonType.INT64));
    assertEquals(SqlTypeName.DOUBLE, widen(BsonType.INT64, BsonType.DOUBLE));
    assertEquals(SqlTypeName.DECIMAL, widen(BsonType.INT32, BsonType.DECIMAL128));
    assertEquals(SqlTypeName.DOUBLE, widen(BsonType.DECIMAL128, BsonType.DOUBLE));
  }

  @Test
  void anythingElseMixedIsText() {
    assertEquals(SqlTypeName.VARCHAR, widen(BsonType.INT32, BsonType.STRING));
    assertEquals(SqlTypeName.VARCHAR, widen(BsonType.BOOLEAN, BsonType.DATE_TIME));
    assertEquals(SqlTypeName.VARCHAR, widen(BsonType.OBJECT_ID, BsonType.OBJECT_ID));
  }

  @Test
  void nullSaysNothing() {
    assertEquals(SqlTypeName.INTEGER, widen(BsonType.NULL, BsonType.INT32));
    assertEquals(null, BsonTypes.widen(null, null));
    assertEquals(SqlTypeSpec.arrayOf(SqlTypeSpec.of(SqlTypeName.BIGINT)), BsonTypes.widen(
        SqlTypeSpec.arrayOf(SqlTypeSpec.of(SqlTypeName.INTEGER)),
        SqlTypeSpec.arrayOf(SqlTypeSpec.of(SqlTypeName.BIGINT))));
  }
}
