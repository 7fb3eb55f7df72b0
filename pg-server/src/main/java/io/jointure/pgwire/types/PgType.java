package io.jointure.pgwire.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL types a result column or a parameter may have here, with the OIDs, names and
 * lengths of PostgreSQL's own catalog (src/include/catalog/pg_type.dat), so that clients that
 * know PostgreSQL's built-in types decode the values without asking the catalog.
 */
public enum PgType {
  BOOL(16, "bool", 1, 1000),
  BYTEA(17, "bytea", -1, 1001),
  CHAR(18, "char", 1, 1002),
  NAME(19, "name", 64, 1003),
  INT8(20, "int8", 8, 1016),
  INT2(21, "int2", 2, 1005),
  INT4(23, "int4", 4, 1007),
  REGPROC(24, "regproc", 4, 1008),
  TEXT(25, "text", -1, 1009),
  OID(26, "oid", 4, 1028),
  JSON(114, "json", -1, 199),
  FLOAT4(700, "float4", 4, 1021),
  FLOAT8(701, "float8", 8, 1022),
  UNKNOWN(705, "unknown", -2, 0),
  BPCHAR(1042, "bpchar", -1, 1014),
  VARCHAR(1043, "varchar", -1, 1015),
  DATE(1082, "date", 4, 1182),
  TIME(1083, "time", 8, 1183),
  TIMESTAMP(1114, "timestamp", 8, 1115),
  TIMESTAMPTZ(1184, "timestamptz", 8, 1185),
  INTERVAL(1186, "interval", 16, 1187),
  NUMERIC(1700, "numeric", -1, 1231),
  REGCLASS(2205, "regclass", 4, 2210),
  REGTYPE(2206, "regtype", 4, 2211),
  UUID(2950, "uuid", 16, 2951),
  JSONB(3802, "jsonb", -1, 3807);

  private static final Map<Integer, PgType> BY_OID = new HashMap<>();
  private static final Map<Integer, PgType> BY_ARRAY_OID = new HashMap<>();

  static {
    for (PgType type : values()) {
      BY_OID.put(type.oid, type);
      if (type.arrayOid != 0) {
        BY_ARRAY_OID.put(type.arrayOid, type);
      }
    }
  }

  public final int oid;
  public final String typeName;
  /** pg_type.typlen: bytes of a value, -1 for variable, -2 for a C string. */
  public final short length;
  /** The OID of the array of this type. */
  public final int arrayOid;

  PgType(int oid, String typeName, int length, int arrayOid) {
    this.oid = oid;
    this.typeName = typeName;
    this.length = (short) length;
    this.arrayOid = arrayOid;
  }

  /** The type of an OID this server knows, or null. */
  public static PgType ofOid(int oid) {
    return BY_OID.get(oid);
  }

  /** The element type of an array type's OID, or null when {@code oid} is no known array. */
  public static PgType elementOfArray(int oid) {
    return BY_ARRAY_OID.get(oid);
  }
}
