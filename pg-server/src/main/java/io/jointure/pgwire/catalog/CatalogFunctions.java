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

  /**
   * PostgreSQL's reserved key words (reserved, or allowed only as a function or type name):
   * quote_ident quotes them.
   */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse",
      "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
      "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
      "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
      "current_schema", "current_time", "current_timestamp", "current_user", "default",
      "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
      "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially",
      "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
      "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on",
      "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
      "returning", "right", "select", "session_user", "similar", "some", "symmetric",
      "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

  /** {@code quote_ident(name)}: the name as an identifier, quoted where PostgreSQL needs it. */
  public static String quote_ident(String name) {
    if (name == null) {
      return null;
    }
    return name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name) ? name
        : "\"" + name.replace("\"", "\"\"") + "\"";
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

  /** A function's id as {@code ::regproc} prints it: its name. */
  public static String jointure_regproc_name(Object oid) {
    if (!(oid instanceof Number number)) {
      return oid == null ? null : oid.toString();
    }
    if (number.intValue() == 0) {
      return "-";
    }
    for (var entry : PgCatalogSchema.PROCEDURES.entrySet()) {
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

  /** Index scans counted: Jointure keeps no such statistics. */
  public static Long pg_stat_get_numscans(Object relation) {
    return 0L;
  }

  /** Sizes on disk: Jointure stores nothing; its sources keep their own. */
  public static Long pg_relation_size(Object relation) {
    return 0L;
  }

  public static Long pg_relation_size(Object relation, String fork) {
    return 0L;
  }

  public static Long pg_total_relation_size(Object relation) {
    return 0L;
  }

  public static Long pg_table_size(Object relation) {
    return 0L;
  }

  public static Long pg_indexes_size(Object relation) {
    return 0L;
  }

  public static Long pg_database_size(Object database) {
    return 0L;
  }

  public static String pg_size_pretty(Object bytes) {
    return bytes == null ? null : bytes + " bytes";
  }

  public static String pg_tablespace_location(Object tablespace) {
    return "";
  }

  /** The sequence a serial column takes its values from: Jointure's columns have none. */
  public static String pg_get_serial_sequence(String table, String column) {
    return null;
  }

  /** Partition keys: Jointure's tables are not partitioned. */
  public static String pg_get_partkeydef(Object oid) {
    return null;
  }

  /** Whether a view's column can be written: nothing here can. */
  public static boolean pg_column_is_updatable(Object relation, Object column, Object cascade) {
    return false;
  }

  /** An int2vector or oidvector (pg_index.indkey) as its text: {@code 1 3}. */
  public static String jointure_vector_text(List<?> vector) {
    return vector == null ? null
        : String.join(" ", vector.stream().map(String::valueOf).toList());
  }

  /**
   * {@code format(template, args...)} with PostgreSQL's {@code %s}, {@code %I} (an identifier,
   * quoted where needed), {@code %L} (a literal) and {@code %%}.
   */
  public static String format(String template) {
    return formatted(template);
  }

  public static String format(String template, Object a) {
    return formatted(template, a);
  }

  public static String format(String template, Object a, Object b) {
    return formatted(template, a, b);
  }

  public static String format(String template, Object a, Object b, Object c) {
    return formatted(template, a, b, c);
  }

  public static String format(String template, Object a, Object b, Object c, Object d) {
    return formatted(template, a, b, c, d);
  }

  private static String formatted(String template, Object... arguments) {
    if (template == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%' || i + 1 == template.length()) {
        out.append(c);
        continue;
      }
      char spec = template.charAt(++i);
      if (spec == '%') {
        out.append('%');
        continue;
      }
      if (next >= arguments.length) {
        throw new IllegalArgumentException("too few arguments for format()");
      }
      Object value = arguments[next++];
      switch (spec) {
        case 's' -> out.append(value == null ? "" : value);
        case 'I' -> {
          if (value == null) {
            throw new IllegalArgumentException("null values cannot be formatted as an SQL"
                + " identifier");
          }
          out.append(quote_ident(value.toString()));
        }
        case 'L' -> out.append(value == null ? "NULL"
            : "'" + value.toString().replace("'", "''") + "'");
        default -> throw new IllegalArgumentException("unrecognized format() type specifier \""
            + spec + "\"");
      }
    }
    return out.toString();
  }

  /** {@code json_build_object(k1, v1, ...)}: a JSON object of the pairs. */
  public static String json_build_object() {
    return jsonObject();
  }

  public static String json_build_object(Object k1, Object v1) {
    return jsonObject(k1, v1);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2) {
    return jsonObject(k1, v1, k2, v2);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2, Object k3,
      Object v3) {
    return jsonObject(k1, v1, k2, v2, k3, v3);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2, Object k3,
      Object v3, Object k4, Object v4) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2, Object k3,
      Object v3, Object k4, Object v4, Object k5, Object v5) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2, Object k3,
      Object v3, Object k4, Object v4, Object k5, Object v5, Object k6, Object v6) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6);
  }

  public static String json_build_object(Object k1, Object v1, Object k2, Object v2, Object k3,
      Object v3, Object k4, Object v4, Object k5, Object v5, Object k6, Object v6, Object k7,
      Object v7) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7);
  }

  private static String jsonObject(Object... pairs) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] == null) {
        throw new IllegalArgumentException("null value not allowed for object key");
      }
      json.append(i == 0 ? "" : ", ").append(jsonString(pairs[i].toString())).append(" : ");
      Object value = pairs[i + 1];
      json.append(value == null ? "null" : value instanceof Number || value instanceof Boolean
          ? value.toString() : jsonString(value.toString()));
    }
    return json.append('}').toString();
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
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

  public static boolean has_table_privilege(Object user, Object table, String privilege) {
    return has_table_privilege(table, privilege);
  }

  public static boolean has_any_column_privilege(Object table, String privilege) {
    return has_table_privilege(table, privilege);
  }

  public static boolean has_any_column_privilege(Object user, Object table, String privilege) {
    return has_table_privilege(table, privilege);
  }

  public static boolean has_schema_privilege(Object user, Object schema, String privilege) {
    return has_schema_privilege(schema, privilege);
  }

  public static boolean has_type_privilege(Object type, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("USAGE");
  }

  public static boolean has_table_privilege(Object table, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("SELECT");
  }

  public static boolean has_schema_privilege(Object schema, String privilege) {
    return privilege != null && privilege.toUpperCase(java.util.Locale.ROOT).contains("USAGE");
  }

  public static boolean has_database_privilege(Object database, String privilege) {
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
