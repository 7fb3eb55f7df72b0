package io.jointure.pgwire.catalog;

import static org.apache.calcite.sql.type.SqlTypeName.ARRAY;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.jointure.pgwire.catalog.CatalogSnapshot.Column;
import io.jointure.pgwire.catalog.CatalogSnapshot.Constraint;
import io.jointure.pgwire.catalog.CatalogSnapshot.Namespace;
import io.jointure.pgwire.catalog.CatalogSnapshot.Relation;
import io.jointure.pgwire.session.SessionSettings;
import io.jointure.pgwire.types.PgType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;

/**
 * {@code pg_catalog}'s tables as PostgreSQL 16 has them, the columns clients read, filled from a
 * {@link CatalogSnapshot}: namespaces, relations and their columns, types, constraints and
 * indexes, the database, roles and settings; tables Jointure has nothing for (comments,
 * defaults, enums, extensions, inheritance, functions) are there and empty.
 */
final class PgCatalogSchema {
  /** PostgreSQL's own OIDs for its schemas, roles, database and access method. */
  static final int PG_CATALOG_OID = 11;
  static final int INFORMATION_SCHEMA_OID = 13_000;
  static final int ROLE_OID = 10;
  /** The session's user: an id below the model's objects' (from 16384). */
  static final int SESSION_ROLE_OID = 4_200;
  static final int DATABASE_OID = 5;
  static final int BTREE_OID = 403;
  static final int HEAP_OID = 2;

  /**
   * Positions 0 to {@link #MAX_POSITION} (PostgreSQL's most columns in a table): the series a
   * {@code generate_series} with computed bounds counts over (see SetReturningFunctions).
   */
  static final String POSITIONS = "jointure_positions";
  static final int MAX_POSITION = 1600;

  /**
   * The functions pg_type names (input, output, receive, send of each type; the array ones),
   * by name, with ids of their own: clients join pg_type to pg_proc to tell arrays by
   * {@code array_recv}, and compare {@code typinput} with {@code 'array_in'::regproc}.
   */
  static final Map<String, Integer> PROCEDURES = procedures();

  private static Map<String, Integer> procedures() {
    Map<String, Integer> procedures = new LinkedHashMap<>();
    for (String name : List.of("array_in", "array_out", "array_recv", "array_send",
        "array_typanalyze", "array_subscript_handler")) {
      procedures.put(name, 9000 + procedures.size());
    }
    for (PgType t : PgType.values()) {
      for (String suffix : List.of("in", "out", "recv", "send")) {
        procedures.putIfAbsent(procedure(t, suffix), 9000 + procedures.size());
      }
    }
    return java.util.Collections.unmodifiableMap(procedures);
  }

  /** PostgreSQL's name of a type's function: {@code int4recv}, but {@code numeric_recv}. */
  static String procedure(PgType type, String suffix) {
    boolean underscored = switch (type) {
      case NUMERIC, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, UUID, JSON, JSONB -> true;
      default -> false;
    };
    return type.typeName + (underscored ? "_" : "") + suffix;
  }

  /**
   * The catalog's int2vector and oidvector columns: lists here, but PostgreSQL's subscripts of
   * them start at 0 ({@code indkey[0]} is the first key column) and their text is the numbers
   * spaced.
   */
  static final java.util.Set<String> VECTORS = java.util.Set.of("indkey", "indclass",
      "indcollation", "indoption", "stxkeys");

  /** Whether an expression is a vector column ({@code i.indkey}). */
  static boolean isVector(String expression) {
    String name = expression.substring(expression.lastIndexOf('.') + 1).strip()
        .toLowerCase(java.util.Locale.ROOT);
    return VECTORS.contains(name);
  }

  /** What {@code pg_get_keywords()} in FROM reads: the parser's reserved words. */
  static final String KEYWORDS = "jointure_keywords";

  /** The tables, by name, also reachable without the schema's name. */
  static final List<String> TABLES = List.of("pg_namespace", "pg_class", "pg_attribute",
      "pg_constraint", "pg_index", "pg_stat_user_tables", "pg_type", "pg_database", "pg_roles",
      "pg_authid", "pg_user", "pg_settings", "pg_am", "pg_description", "pg_attrdef", "pg_enum",
      "pg_extension", "pg_inherits", "pg_proc", "pg_tablespace", "pg_collation", "pg_policy",
      "pg_statistic_ext", "pg_publication", "pg_publication_rel", "pg_publication_namespace",
      "pg_trigger", "pg_rewrite", "pg_depend", "pg_sequence", "pg_opclass", "pg_tables",
      "pg_views", "pg_matviews", "pg_range", "pg_shdescription");

  private PgCatalogSchema() {
  }

  /** The tables that are the same for every session of a server: made once. */
  static Map<String, Table> tables(CatalogSnapshot snapshot) {
    Map<String, Table> tables = new LinkedHashMap<>();
    CatalogTable namespaces = new CatalogTable().column("oid", INTEGER).column("nspname", VARCHAR)
        .column("nspowner", INTEGER).column("nspacl", VARCHAR);
    namespaces.row(PG_CATALOG_OID, "pg_catalog", ROLE_OID, null);
    namespaces.row(INFORMATION_SCHEMA_OID, "information_schema", ROLE_OID, null);
    for (Namespace ns : snapshot.namespaces) {
      namespaces.row(ns.oid(), ns.name(), ROLE_OID, null);
    }
    tables.put("pg_namespace", namespaces);

    CatalogTable classes = new CatalogTable().column("oid", INTEGER).column("relname", VARCHAR)
        .columns(INTEGER, "relnamespace", "reltype", "relowner", "relam", "relfilenode")
        .column("relkind", VARCHAR).column("reltuples", REAL).column("relpages", INTEGER)
        .columns(BOOLEAN, "relhasindex", "relispartition", "relisshared")
        .column("relpersistence", VARCHAR).column("relnatts", SMALLINT)
        .column("relchecks", SMALLINT)
        .columns(BOOLEAN, "relhasrules", "relhastriggers", "relrowsecurity", "relhassubclass")
        .column("relacl", VARCHAR).textArray("reloptions")
        .columns(INTEGER, "reltoastrelid", "reloftype", "reltablespace")
        .column("relreplident", VARCHAR)
        .column("relforcerowsecurity", BOOLEAN).column("relpartbound", VARCHAR);
    CatalogTable attributes = new CatalogTable().column("attrelid", INTEGER)
        .column("attname", VARCHAR).column("atttypid", INTEGER).column("attnum", SMALLINT)
        .column("attlen", SMALLINT).column("atttypmod", INTEGER).column("attndims", INTEGER)
        .columns(BOOLEAN, "attnotnull", "atthasdef", "attisdropped", "attislocal")
        .column("attidentity", VARCHAR).column("attgenerated", VARCHAR)
        .column("attcollation", INTEGER).column("attstattarget", SMALLINT)
        .columns(VARCHAR, "attstorage", "attcompression").textArray("attoptions")
        .textArray("attfdwoptions");
    CatalogTable constraints = new CatalogTable().column("oid", INTEGER)
        .column("conname", VARCHAR).column("connamespace", INTEGER).column("contype", VARCHAR)
        .columns(BOOLEAN, "condeferrable", "condeferred", "convalidated")
        .columns(INTEGER, "conrelid", "contypid", "conindid", "confrelid")
        .column("confupdtype", VARCHAR).column("confdeltype", VARCHAR)
        .column("confmatchtype", VARCHAR).column("conislocal", BOOLEAN)
        .column("conkey", ARRAY).column("confkey", ARRAY).column("conparentid", INTEGER);
    CatalogTable indexes = new CatalogTable().column("indexrelid", INTEGER)
        .column("indrelid", INTEGER).column("indnatts", SMALLINT).column("indnkeyatts", SMALLINT)
        .columns(BOOLEAN, "indisunique", "indisprimary", "indisexclusion", "indimmediate",
            "indisclustered", "indisvalid", "indisready", "indislive", "indisreplident")
        .columns(ARRAY, "indkey", "indoption", "indclass", "indcollation")
        .columns(VARCHAR, "indexprs", "indpred").column("indnullsnotdistinct", BOOLEAN);
    CatalogTable stats = new CatalogTable().column("relid", INTEGER)
        .column("schemaname", VARCHAR).column("relname", VARCHAR).column("n_live_tup", INTEGER);
    for (Relation r : snapshot.relations) {
      boolean indexed = snapshot.constraints.stream()
          .anyMatch(c -> c.relation() == r && c.type() != 'f');
      // PostgreSQL's foreign keys are triggers on both tables: psql lists a table's foreign
      // keys, and what references it, only when it has triggers.
      boolean keyed = snapshot.constraints.stream().anyMatch(c -> c.type() == 'f'
          && (c.relation() == r || c.referenced() == r));
      classes.row(r.oid(), r.name(), r.namespace().oid(), 0, ROLE_OID, r.view() ? 0 : HEAP_OID,
          r.oid(), r.view() ? "v" : "r", -1f, 0, indexed, false, false, "p",
          (short) r.columns().size(), (short) 0, false, keyed, false, false, null, null, 0, 0, 0,
          "d", false, null);
      for (Column c : r.columns()) {
        attributes.row(r.oid(), c.name(), c.type().oid(), (short) c.number(), c.type().length(),
            c.type().modifier(), c.type().array() ? 1 : 0, c.notNull(), false, false, true, "",
            "", 0, (short) -1, c.type().length() > 0 ? "p" : "x", "", null, null);
      }
      if (!r.view()) {
        stats.row(r.oid(), r.namespace().name(), r.name(), 0);
      }
    }
    for (Constraint c : snapshot.constraints) {
      List<Integer> keys = c.columns().stream().map(c.relation()::attnum).toList();
      List<Integer> referenced = c.referenced() == null ? null
          : c.referencedColumns().stream().map(c.referenced()::attnum).toList();
      constraints.row(c.oid(), c.name(), c.relation().namespace().oid(), String.valueOf(c.type()),
          false, false, true, c.relation().oid(), 0, c.type() == 'f' ? indexOf(snapshot, c) : c.indexOid(),
          c.referenced() == null ? 0 : c.referenced().oid(), c.type() == 'f' ? "a" : " ",
          c.type() == 'f' ? "a" : " ", c.type() == 'f' ? "s" : " ", true, keys, referenced, 0);
      if (c.type() != 'f') {
        classes.row(c.indexOid(), c.name(), c.relation().namespace().oid(), 0, ROLE_OID,
            BTREE_OID, c.indexOid(), "i", -1f, 0, false, false, false, "p",
            (short) keys.size(), (short) 0, false, false, false, false, null, null, 0, 0, 0,
            "d", false, null);
        indexes.row(c.indexOid(), c.relation().oid(), (short) keys.size(), (short) keys.size(),
            true, c.type() == 'p', false, true, false, true, true, true, false, keys,
            keys.stream().map(k -> 0).toList(), keys.stream().map(k -> 0).toList(),
            keys.stream().map(k -> 0).toList(), null, null, false);
      }
    }
    CatalogTable plainTables = new CatalogTable().columns(VARCHAR, "schemaname", "tablename",
        "tableowner", "tablespace").columns(BOOLEAN, "hasindexes", "hasrules", "hastriggers",
        "rowsecurity");
    CatalogTable views = new CatalogTable().columns(VARCHAR, "schemaname", "viewname",
        "viewowner", "definition");
    for (Relation r : snapshot.relations) {
      if (r.view()) {
        views.row(r.namespace().name(), r.name(), CatalogFunctions.DATABASE, null);
      } else {
        plainTables.row(r.namespace().name(), r.name(), CatalogFunctions.DATABASE, null,
            snapshot.constraints.stream().anyMatch(c -> c.relation() == r && c.type() != 'f'),
            false, false, false);
      }
    }
    tables.put("pg_tables", plainTables);
    tables.put("pg_views", views);
    tables.put("pg_matviews", new CatalogTable().columns(VARCHAR, "schemaname", "matviewname",
        "matviewowner", "tablespace").columns(BOOLEAN, "hasindexes", "ispopulated")
        .column("definition", VARCHAR));
    tables.put("pg_class", classes);
    tables.put("pg_attribute", attributes);
    tables.put("pg_constraint", constraints);
    tables.put("pg_index", indexes);
    tables.put("pg_stat_user_tables", stats);
    tables.put("pg_type", types());
    tables.put("pg_database", new CatalogTable().column("oid", INTEGER)
        .column("datname", VARCHAR).column("datdba", INTEGER).column("encoding", INTEGER)
        .column("datcollate", VARCHAR).column("datctype", VARCHAR)
        .columns(BOOLEAN, "datistemplate", "datallowconn").column("datconnlimit", INTEGER)
        .column("dattablespace", INTEGER).column("datacl", VARCHAR)
        .column("daticulocale", VARCHAR).column("datlocprovider", VARCHAR)
        .column("daticurules", VARCHAR).column("datlocale", VARCHAR)
        .row(DATABASE_OID, CatalogFunctions.DATABASE, ROLE_OID, 6, "C", "C", false, true, -1,
            1663, null, null, "c", null, null));
    tables.put("pg_am", new CatalogTable().column("oid", INTEGER).column("amname", VARCHAR)
        .column("amtype", VARCHAR).row(HEAP_OID, "heap", "t").row(BTREE_OID, "btree", "i"));
    tables.put("pg_description", new CatalogTable().columns(INTEGER, "objoid", "classoid")
        .column("objsubid", INTEGER).column("description", VARCHAR));
    tables.put("pg_attrdef", new CatalogTable().columns(INTEGER, "oid", "adrelid")
        .column("adnum", SMALLINT).column("adbin", VARCHAR));
    tables.put("pg_enum", new CatalogTable().columns(INTEGER, "oid", "enumtypid")
        .column("enumsortorder", REAL).column("enumlabel", VARCHAR));
    tables.put("pg_extension", new CatalogTable().column("oid", INTEGER)
        .column("extname", VARCHAR).column("extowner", INTEGER).column("extnamespace", INTEGER)
        .column("extversion", VARCHAR));
    tables.put("pg_inherits", new CatalogTable().columns(INTEGER, "inhrelid", "inhparent",
        "inhseqno").column("inhdetachpending", BOOLEAN));
    CatalogTable procedures = new CatalogTable().column("oid", INTEGER)
        .column("proname", VARCHAR).columns(INTEGER, "pronamespace", "proowner", "prorettype")
        .column("prokind", VARCHAR).column("proretset", BOOLEAN)
        .columns(VARCHAR, "proargdefaults", "prosrc", "probin").column("pronargs", SMALLINT)
        .column("proargtypes", ARRAY);
    PROCEDURES.forEach((name, oid) -> procedures.row(oid, name, PG_CATALOG_OID, ROLE_OID, 0,
        "f", false, null, name, null, (short) 1, List.of(0)));
    tables.put("pg_proc", procedures);
    tables.put("pg_range", new CatalogTable().columns(INTEGER, "rngtypid", "rngsubtype",
        "rngmultitypid", "rngcollation", "rngsubopc").columns(VARCHAR, "rngcanonical",
        "rngsubdiff"));
    tables.put("pg_shdescription", new CatalogTable().columns(INTEGER, "objoid", "classoid")
        .column("description", VARCHAR));
    // Policies, extended statistics, publications, triggers: Jointure has none.
    tables.put("pg_policy", new CatalogTable().column("oid", INTEGER).column("polname", VARCHAR)
        .column("polrelid", INTEGER).column("polcmd", VARCHAR).column("polpermissive", BOOLEAN)
        .column("polroles", ARRAY).columns(VARCHAR, "polqual", "polwithcheck"));
    tables.put("pg_statistic_ext", new CatalogTable().columns(INTEGER, "oid", "stxrelid")
        .column("stxname", VARCHAR).columns(INTEGER, "stxnamespace", "stxowner", "stxstattarget")
        .column("stxkeys", ARRAY).column("stxkind", VARCHAR).column("stxexprs", VARCHAR));
    tables.put("pg_publication", new CatalogTable().column("oid", INTEGER)
        .column("pubname", VARCHAR).columns(BOOLEAN, "puballtables", "pubinsert", "pubupdate",
            "pubdelete", "pubtruncate", "pubviaroot"));
    tables.put("pg_publication_rel", new CatalogTable().columns(INTEGER, "oid", "prpubid",
        "prrelid").column("prqual", VARCHAR).column("prattrs", ARRAY));
    tables.put("pg_publication_namespace", new CatalogTable().columns(INTEGER, "oid", "pnpubid",
        "pnnspid"));
    tables.put("pg_trigger", new CatalogTable().columns(INTEGER, "oid", "tgrelid", "tgparentid")
        .column("tgname", VARCHAR).column("tgenabled", VARCHAR).column("tgisinternal", BOOLEAN));
    tables.put("pg_rewrite", new CatalogTable().column("oid", INTEGER).column("rulename", VARCHAR)
        .column("ev_class", INTEGER));
    CatalogTable positions = new CatalogTable().column("n", INTEGER);
    for (int p = 0; p <= MAX_POSITION; p++) {
      positions.row(p);
    }
    tables.put(POSITIONS, positions);
    // Dependencies, sequences, operator classes: Jointure has none.
    tables.put("pg_depend", new CatalogTable().columns(INTEGER, "classid", "objid", "objsubid",
        "refclassid", "refobjid", "refobjsubid").column("deptype", VARCHAR));
    tables.put("pg_sequence", new CatalogTable().columns(INTEGER, "seqrelid", "seqtypid")
        .columns(org.apache.calcite.sql.type.SqlTypeName.BIGINT, "seqstart", "seqincrement",
            "seqmax", "seqmin", "seqcache").column("seqcycle", BOOLEAN));
    tables.put("pg_opclass", new CatalogTable().columns(INTEGER, "oid", "opcmethod")
        .column("opcname", VARCHAR).columns(INTEGER, "opcnamespace", "opcowner", "opcfamily",
            "opcintype").column("opcdefault", BOOLEAN).column("opckeytype", INTEGER));
    tables.put(KEYWORDS, keywords());
    tables.put("pg_tablespace", new CatalogTable().column("oid", INTEGER)
        .column("spcname", VARCHAR).row(1663, "pg_default"));
    tables.put("pg_collation", new CatalogTable().column("oid", INTEGER)
        .column("collname", VARCHAR).row(100, "default"));
    return tables;
  }

  /** The tables of one session: its user among the roles, its settings as they are now. */
  static Map<String, Table> sessionTables(SessionSettings session) {
    Map<String, Table> tables = new LinkedHashMap<>();
    CatalogTable users = new CatalogTable().column("usename", VARCHAR)
        .column("usesysid", INTEGER)
        .columns(BOOLEAN, "usecreatedb", "usesuper", "userepl", "usebypassrls")
        .row(CatalogFunctions.DATABASE, ROLE_OID, false, false, false, false);
    CatalogTable roles = new CatalogTable().column("oid", INTEGER).column("rolname", VARCHAR)
        .columns(BOOLEAN, "rolsuper", "rolinherit", "rolcreaterole", "rolcreatedb",
            "rolcanlogin", "rolreplication", "rolbypassrls").column("rolconnlimit", INTEGER)
        .row(ROLE_OID, CatalogFunctions.DATABASE, false, true, false, false, true, false, false,
            -1);
    if (session.user() != null && !session.user().equals(CatalogFunctions.DATABASE)) {
      // The session's user, who owns nothing and reads everything.
      roles.row(SESSION_ROLE_OID, session.user(), false, true, false, false, true, false, false,
          -1);
      users.row(session.user(), SESSION_ROLE_OID, false, false, false, false);
    }
    tables.put("pg_roles", roles);
    tables.put("pg_authid", roles);
    tables.put("pg_user", users);
    CatalogTable settings = new CatalogTable().columns(VARCHAR, "name", "setting", "unit",
        "category", "short_desc", "context", "vartype", "source", "boot_val", "reset_val");
    settings.live(() -> {
      List<Object[]> rows = new java.util.ArrayList<>();
      new java.util.TreeMap<>(session.all()).forEach((name, value) -> rows.add(new Object[] {
          name, value, null, "Jointure", null, "user", "string", "default", value, value}));
      return rows;
    });
    tables.put("pg_settings", settings);
    return tables;
  }

  private static int indexOf(CatalogSnapshot snapshot, Constraint foreign) {
    for (Constraint c : snapshot.constraints) {
      if (c.type() != 'f' && c.relation() == foreign.referenced()
          && c.columns().equals(foreign.referencedColumns())) {
        return c.indexOid();
      }
    }
    return 0;
  }

  /** The reserved words of Jointure's parser, as pg_get_keywords() lists them. */
  private static CatalogTable keywords() {
    CatalogTable keywords = new CatalogTable().columns(VARCHAR, "word", "catcode")
        .column("barelabel", BOOLEAN).columns(VARCHAR, "catdesc", "baredesc");
    io.jointure.sql.parser.PostgresSyntax.reservedWords().forEach(word -> keywords.row(
        word.toLowerCase(java.util.Locale.ROOT), "R", false, "reserved", "requires AS"));
    return keywords;
  }

  /** The built-in types, with PostgreSQL's OIDs, names, lengths and categories. */
  private static CatalogTable types() {
    CatalogTable types = new CatalogTable().column("oid", INTEGER).column("typname", VARCHAR)
        .columns(INTEGER, "typnamespace", "typowner").column("typlen", SMALLINT)
        .column("typbyval", BOOLEAN).column("typtype", VARCHAR).column("typcategory", VARCHAR)
        .column("typdelim", VARCHAR).columns(INTEGER, "typrelid", "typelem", "typarray",
            "typbasetype", "typtypmod", "typndims", "typcollation").column("typnotnull", BOOLEAN)
        .columns(INTEGER, "typinput", "typoutput", "typreceive", "typsend", "typmodin",
            "typmodout", "typanalyze").columns(VARCHAR, "typalign", "typstorage", "typdefault",
            "typdefaultbin", "typacl").column("typsubscript", INTEGER)
        .columns(BOOLEAN, "typisdefined", "typispreferred");
    for (PgType t : PgType.values()) {
      String category = switch (t) {
        case BOOL -> "B";
        case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID, REGCLASS, REGTYPE, REGPROC -> "N";
        case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "D";
        case INTERVAL -> "T";
        case TEXT, VARCHAR, BPCHAR, NAME, CHAR -> "S";
        default -> "U";
      };
      boolean byValue = t.length > 0 && t.length <= 8;
      types.row(t.oid, t.typeName, PG_CATALOG_OID, ROLE_OID, t.length, byValue, "b", category,
          ",", 0, 0, t.arrayOid, 0, -1, 0, 0, false, PROCEDURES.get(procedure(t, "in")),
          PROCEDURES.get(procedure(t, "out")), PROCEDURES.get(procedure(t, "recv")),
          PROCEDURES.get(procedure(t, "send")), 0, 0, 0, t.length == 8 ? "d" : "i",
          t.length > 0 ? "p" : "x", null, null, null, 0, true, false);
      if (t.arrayOid != 0) {
        types.row(t.arrayOid, "_" + t.typeName, PG_CATALOG_OID, ROLE_OID, (short) -1, false,
            "b", "A", ",", 0, t.oid, 0, 0, -1, 0, 0, false, PROCEDURES.get("array_in"),
            PROCEDURES.get("array_out"), PROCEDURES.get("array_recv"),
            PROCEDURES.get("array_send"), 0, 0, PROCEDURES.get("array_typanalyze"), "i", "x",
            null, null, null, PROCEDURES.get("array_subscript_handler"), true, false);
      }
    }
    return types;
  }
}
