package io.jointure.pgwire.catalog;

import io.jointure.pgwire.session.SessionSettings;
import io.jointure.pgwire.types.ColumnType;
import io.jointure.pgwire.types.PgType;

/**
 * The catalog functions PostgreSQL clients call, as SQL functions of every protocol session
 * (public static methods: Calcite calls them by reflection). What Jointure has no notion of
 * (privileges, comments, table visibility) answers as a PostgreSQL superuser-less reader sees a
 * read-only database it may read entirely.
 */
public final class CatalogFunctions {
  /** The database name every session sees: any name in the startup message opens the model. */
  public static final String DATABASE = "jointure";

  private CatalogFunctions() {
  }

  public static String version() {
    return "PostgreSQL " + SessionSettings.SERVER_VERSION + " (Jointure), federated SQL over"
        + " Apache Calcite";
  }

  public static String current_database() {
    return DATABASE;
  }

  public static String current_schema() {
    return "public";
  }

  /** {@code current_schemas(include_implicit)}: the search path as an array. */
  public static java.util.List<String> current_schemas(Boolean includeImplicit) {
    return Boolean.TRUE.equals(includeImplicit) ? java.util.List.of("pg_catalog", "public")
        : java.util.List.of("public");
  }

  /** Column defaults and other stored expressions: Jointure's columns have none. */
  public static String pg_get_expr(Object expression, Object relation) {
    return null;
  }

  public static String pg_get_expr(Object expression, Object relation, Object pretty) {
    return null;
  }

  /** {@code pg_get_indexdef(index, column, pretty)}: a key's index as CREATE INDEX, or a column. */
  public static String pg_get_indexdef(Object index, Object column, Object pretty) {
    CatalogSnapshot.Constraint key = constraint(index, true);
    if (key == null) {
      return null;
    }
    int n = column == null ? 0 : ((Number) column).intValue();
    if (n > 0) {
      return n <= key.columns().size() ? key.columns().get(n - 1) : null;
    }
    return "CREATE UNIQUE INDEX " + key.name() + " ON " + key.relation().namespace().name() + "."
        + key.relation().name() + " USING btree (" + String.join(", ", key.columns()) + ")";
  }

  public static String pg_get_indexdef(Object index) {
    return pg_get_indexdef(index, 0, false);
  }

  /** {@code pg_get_constraintdef(constraint, pretty)}: PRIMARY KEY (id), FOREIGN KEY ... */
  public static String pg_get_constraintdef(Object constraint, Object pretty) {
    CatalogSnapshot.Constraint c = constraint(constraint, false);
    if (c == null) {
      return null;
    }
    String columns = "(" + String.join(", ", c.columns()) + ")";
    return switch (c.type()) {
      case 'p' -> "PRIMARY KEY " + columns;
      case 'u' -> "UNIQUE " + columns;
      default -> "FOREIGN KEY " + columns + " REFERENCES " + c.referenced().namespace().name()
          + "." + c.referenced().name() + "(" + String.join(", ", c.referencedColumns()) + ")";
    };
  }

  public static String pg_get_constraintdef(Object constraint) {
    return pg_get_constraintdef(constraint, false);
  }

  /** The key whose index ({@code byIndex}) or constraint has this id, in the session's catalog. */
  private static CatalogSnapshot.Constraint constraint(Object oid, boolean byIndex) {
    CatalogSnapshot snapshot = Catalogs.current();
    if (snapshot == null || !(oid instanceof Number number)) {
      return null;
    }
    for (CatalogSnapshot.Constraint c : snapshot.constraints) {
      if ((byIndex ? c.indexOid() : c.oid()) == number.intValue() && (!byIndex || c.type() != 'f')) {
        return c;
      }
    }
    return null;
  }

  /** Extended statistics: there are none, so these never see a row; they must exist to plan. */
  public static String pg_get_statisticsobjdef_columns(Object oid) {
    return null;
  }

  public static String pg_get_statisticsobjdef(Object oid) {
    return null;
  }

  public static String pg_get_triggerdef(Object oid, Object pretty) {
    return null;
  }

  public static String pg_get_viewdef(Object oid, Object pretty) {
    return null;
  }

  public static String pg_get_viewdef(Object oid) {
    return null;
  }

  /** {@code array_to_string(array, delimiter)}: the catalog's arrays (ACLs) are all null here. */
  public static String array_to_string(Object array, String delimiter) {
    if (array instanceof java.util.List<?> items) {
      return String.join(delimiter, items.stream().map(String::valueOf).toList());
    }
    return array == null ? null : array.toString();
  }

  public static boolean pg_table_is_visible(Integer oid) {
    return true;
  }

  public static boolean pg_type_is_visible(Integer oid) {
    return true;
  }

  public static String pg_get_userbyid(Integer oid) {
    return DATABASE;
  }

  public static String pg_encoding_to_char(Integer encoding) {
    return "UTF8";
  }

  public static String obj_description(Integer oid, String catalog) {
    return null;
  }

  public static String col_description(Integer oid, Integer column) {
    return null;
  }

  public static String shobj_description(Integer oid, String catalog) {
    return null;
  }

  public static boolean has_table_privilege(String table, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("SELECT");
  }

  public static boolean has_schema_privilege(String schema, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("USAGE");
  }

  public static boolean has_database_privilege(String database, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("CONNECT");
  }

  /** {@code format_type(type_oid, typemod)}: the type as psql's \d shows it. */
  public static String format_type(Integer oid, Integer modifier) {
    if (oid == null) {
      return null;
    }
    PgType element = PgType.elementOfArray(oid);
    if (element != null) {
      return formatType(new ColumnType(element, false, -1)) + "[]";
    }
    PgType type = PgType.ofOid(oid);
    return type == null ? "???" : formatType(new ColumnType(type, false,
        modifier == null ? -1 : modifier));
  }

  /** PostgreSQL's SQL name of a type, with its modifier: {@code character varying(40)}. */
  static String formatType(ColumnType type) {
    String base = switch (type.type()) {
      case BOOL -> "boolean";
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case INT8 -> "bigint";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double precision";
      case VARCHAR -> type.modifier() > 4 ? "character varying(" + (type.modifier() - 4) + ")"
          : "character varying";
      case BPCHAR -> type.modifier() > 4 ? "character(" + (type.modifier() - 4) + ")"
          : "character";
      case NUMERIC -> type.modifier() > 4 ? "numeric(" + ((type.modifier() - 4) >> 16) + ","
          + ((type.modifier() - 4) & 0xFFFF) + ")" : "numeric";
      case TIMESTAMP -> "timestamp without time zone";
      case TIMESTAMPTZ -> "timestamp with time zone";
      case TIME -> "time without time zone";
      default -> type.type().typeName;
    };
    return type.array() ? base + "[]" : base;
  }
}
