package io.jointure.pgwire.catalog;

import io.jointure.pgwire.session.SessionSettings;
import io.jointure.pgwire.types.ColumnType;
import io.jointure.pgwire.types.PgType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

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
  @ArrayOf(SqlTypeName.VARCHAR)
  public static java.util.List<String> current_schemas(Boolean includeImplicit) {
    return Boolean.TRUE.equals(includeImplicit) ? java.util.List.of("pg_catalog", "public")
        : java.util.List.of("public");
  }

  /** The most elements {@link #generate_series} makes: catalog queries count key columns. */
  static final int MAX_SERIES = 100_000;

  /**
   * {@code generate_series(start, stop)} as an array: {@link SetReturningFunctions} makes the
   * calls clients write into an UNNEST of it.
   */
  @ArrayOf(SqlTypeName.INTEGER)
  public static List<Integer> generate_series(Integer start, Integer stop) {
    return generate_series(start, stop, 1);
  }

  @ArrayOf(SqlTypeName.INTEGER)
  public static List<Integer> generate_series(Integer start, Integer stop, Integer step) {
    if (start == null || stop == null || step == null) {
      return List.of();
    }
    if (step == 0) {
      throw new IllegalArgumentException("step size cannot equal zero");
    }
    long count = Math.max(0, ((long) stop - start) / step + 1);
    if (count > MAX_SERIES) {
      throw new IllegalArgumentException("generate_series makes at most " + MAX_SERIES
          + " values here, not " + count + ": it serves catalog queries");
    }
    List<Integer> series = new ArrayList<>((int) count);
    for (long v = start; step > 0 ? v <= stop : v >= stop; v += step) {
      series.add((int) v);
    }
    return series;
  }

  /**
   * Whether {@code generate_series(low, high)} with computed bounds stays within the positions it
   * counts over here: true, or an error rather than a shorter series.
   */
  public static boolean jointure_positions_between(Integer low, Integer high) {
    if (low != null && high != null && low <= high
        && (low < 0 || high > PgCatalogSchema.MAX_POSITION)) {
      throw new IllegalArgumentException("generate_series(" + low + ", " + high + ") in FROM"
          + " with bounds computed per row counts from 0 to " + PgCatalogSchema.MAX_POSITION
          + " here (the positions catalog queries count); give literal bounds for other"
          + " ranges");
    }
    return true;
  }

  /** {@code generate_subscripts(array, 1)}: its indexes, 1 to its length. */
  @ArrayOf(SqlTypeName.INTEGER)
  public static List<Integer> generate_subscripts(List<?> array, Integer dimension) {
    return array == null || dimension == null || dimension != 1 ? List.of()
        : generate_series(1, array.size());
  }

  /** A relation and the partitioned tables above it: Jointure's relations are not partitions. */
  @ArrayOf(SqlTypeName.INTEGER)
  public static List<Integer> pg_partition_ancestors(Object relation) {
    Integer oid = relation instanceof Number number ? Integer.valueOf(number.intValue())
        : relation instanceof String text && text.matches("[0-9]{1,9}") ? Integer.valueOf(text)
        : null;
    return oid == null ? List.of() : List.of(oid);
  }

  /** {@code array_upper(array, 1)}: the last index of a one-dimensional array, null if empty. */
  public static Integer array_upper(List<?> array, Integer dimension) {
    return array == null || array.isEmpty() || dimension == null || dimension != 1 ? null
        : array.size();
  }

  public static Integer array_lower(List<?> array, Integer dimension) {
    return array == null || array.isEmpty() || dimension == null || dimension != 1 ? null : 1;
  }

  public static Integer array_length(List<?> array, Integer dimension) {
    return array_upper(array, dimension);
  }

  /** {@code quote_ident(name)}: the name as an identifier, quoted where PostgreSQL needs it. */
  public static String quote_ident(String name) {
    if (name == null) {
      return null;
    }
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** {@code parse_ident('crm."My Table"')}: the parts of a qualified name, quotes taken off. */
  @ArrayOf(SqlTypeName.VARCHAR)
  public static List<String> parse_ident(String name) {
    if (name == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < name.length() && name.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          part.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else if (!Character.isWhitespace(c)) {
        part.append(Character.toLowerCase(c));
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("string is not a valid identifier: \"" + name + "\"");
    }
    parts.add(part.toString());
    return parts;
  }

  /** {@code string_to_array(text, delimiter)}; a null delimiter splits into characters. */
  @ArrayOf(SqlTypeName.VARCHAR)
  public static List<String> string_to_array(String text, String delimiter) {
    if (text == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (text.isEmpty()) {
      return parts;
    }
    if (delimiter == null) {
      text.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
      return parts;
    }
    if (delimiter.isEmpty()) {
      parts.add(text);
      return parts;
    }
    int from = 0;
    for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
      parts.add(text.substring(from, at));
      from = at + delimiter.length();
    }
    parts.add(text.substring(from));
    return parts;
  }

  /**
   * A relation's id as {@code ::regclass} prints it: its name, qualified by its schema where the
   * search path (public) does not reach it; the number itself when there is no such relation.
   */
  public static String jointure_regclass_name(Object oid) {
    if (!(oid instanceof Number number)) {
      return oid == null ? null : oid.toString();
    }
    CatalogSnapshot snapshot = Catalogs.current();
    if (snapshot != null) {
      for (CatalogSnapshot.Relation r : snapshot.relations) {
        if (r.oid() == number.intValue()) {
          String name = quote_ident(r.name());
          return r.namespace().name().equals("public") ? name
              : quote_ident(r.namespace().name()) + "." + name;
        }
      }
      for (CatalogSnapshot.Constraint c : snapshot.constraints) {
        if (c.type() != 'f' && c.indexOid() == number.intValue()) {
          return quote_ident(c.relation().namespace().name()) + "." + quote_ident(c.name());
        }
      }
    }
    for (var entry : CatalogSyntax.SYSTEM_CLASSES.entrySet()) {
      if (entry.getValue() == number.intValue()) {
        return entry.getKey();
      }
    }
    return String.valueOf(number.intValue());
  }

  /** A type's id as {@code ::regtype} prints it ({@code integer}, {@code text[]}). */
  public static String jointure_regtype_name(Object oid) {
    return oid instanceof Number number ? format_type(number.intValue(), null)
        : oid == null ? null : oid.toString();
  }

  /** A schema's id as {@code ::regnamespace} prints it. */
  public static String jointure_regnamespace_name(Object oid) {
    if (!(oid instanceof Number number)) {
      return oid == null ? null : oid.toString();
    }
    CatalogSnapshot snapshot = Catalogs.current();
    if (snapshot != null) {
      for (CatalogSnapshot.Namespace ns : snapshot.namespaces) {
        if (ns.oid() == number.intValue()) {
          return quote_ident(ns.name());
        }
      }
    }
    return number.intValue() == PgCatalogSchema.PG_CATALOG_OID ? "pg_catalog"
        : number.intValue() == PgCatalogSchema.INFORMATION_SCHEMA_OID ? "information_schema"
        : String.valueOf(number.intValue());
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

  /** Jointure publishes nothing for logical replication. */
  public static boolean pg_relation_is_publishable(Object oid) {
    return false;
  }

  public static boolean pg_table_is_visible(Object oid) {
    return true;
  }

  public static boolean pg_type_is_visible(Object oid) {
    return true;
  }

  public static String pg_get_userbyid(Object oid) {
    return DATABASE;
  }

  public static String pg_encoding_to_char(Object encoding) {
    return "UTF8";
  }

  public static String obj_description(Object oid, String catalog) {
    return null;
  }

  public static String col_description(Object oid, Object column) {
    return null;
  }

  public static String shobj_description(Object oid, String catalog) {
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
