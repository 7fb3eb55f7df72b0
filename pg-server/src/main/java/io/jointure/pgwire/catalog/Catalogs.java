package io.jointure.pgwire.catalog;

import io.jointure.pgwire.session.SessionSettings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * The catalog of one server's model: {@code pg_catalog} and {@code information_schema}, added to
 * every protocol session's connection, with the catalog functions. Read once, on the first
 * query that reaches a catalog table (reading it may ask each source for its tables), through a
 * connection of its own; the model does not change while the server runs.
 */
public final class Catalogs {
  /**
   * The catalog of the server whose session thread runs the current statement: catalog
   * functions that name objects (pg_get_indexdef...) read it. Each server's session threads
   * carry their server's.
   */
  private static final ThreadLocal<Catalogs> CURRENT = new ThreadLocal<>();

  private final String jdbcUrl;
  /** Read once; volatile so that catalog functions, row by row, read it without the lock. */
  private volatile CatalogSnapshot snapshot;
  /** The tables every session shares, made on first use. */
  private Map<String, Table> pgCatalog;
  private Map<String, Table> informationSchema;

  public Catalogs(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  private CatalogSnapshot snapshot() {
    CatalogSnapshot read = snapshot;
    return read != null ? read : readSnapshot();
  }

  private synchronized CatalogSnapshot readSnapshot() {
    if (snapshot == null) {
      Properties info = new Properties();
      info.setProperty("user", CatalogFunctions.DATABASE);
      try (Connection reader = DriverManager.getConnection(jdbcUrl, info)) {
        snapshot = CatalogSnapshot.read(reader);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the model's catalog: " + e.getMessage(), e);
      }
    }
    return snapshot;
  }

  private synchronized Map<String, Table> pgCatalog() {
    if (pgCatalog == null) {
      pgCatalog = PgCatalogSchema.tables(snapshot());
    }
    return pgCatalog;
  }

  private synchronized Map<String, Table> informationSchema() {
    if (informationSchema == null) {
      informationSchema = InformationSchema.tables(snapshot());
    }
    return informationSchema;
  }

  /** A task that runs with this catalog as its thread's (for a server's session threads). */
  public Runnable on(Runnable task) {
    return () -> {
      CURRENT.set(this);
      task.run();
    };
  }

  /** The current session thread's catalog, or null outside one. */
  static CatalogSnapshot current() {
    Catalogs catalogs = CURRENT.get();
    return catalogs == null ? null : catalogs.snapshot();
  }

  /**
   * A statement's text with the catalog syntax PostgreSQL clients use made plain SQL, for a
   * session.
   */
  public String plain(String sql, SessionSettings session) {
    // Comments first: the rewrites below append clauses, which a trailing comment would swallow
    sql = io.jointure.sql.parser.SqlTokens.withoutComments(sql);
    if (SetReturningFunctions.mayCall(sql)) {
      sql = SetReturningFunctions.unnested(sql);
    }
    String upper = sql.toUpperCase(java.util.Locale.ROOT);
    if (!sql.contains("::") && !upper.contains("OPERATOR") && !upper.contains("COLLATE")
        && !upper.contains("USER") && !upper.contains("CURRENT_ROLE")
        && !upper.contains("CURRENT_SETTING") && !upper.contains("PG_BACKEND_PID")
        && !upper.contains("CAST")) {
      return sql;
    }
    return CatalogSyntax.plain(sql, this::oidOf, session);
  }

  /** The object id of a name read as {@code regclass}, {@code regtype}...; null if none. */
  private Integer oidOf(String type, String name) {
    String bare = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
    switch (type) {
      case "regclass": {
        Integer system = CatalogSyntax.SYSTEM_CLASSES.get(bare);
        if (system != null) {
          return system;
        }
        for (CatalogSnapshot.Relation r : snapshot().relations) {
          if (name.equals(r.namespace().name() + "." + r.name()) || name.equals(r.name())
              || name.equals("\"" + r.namespace().name() + "\".\"" + r.name() + "\"")) {
            return r.oid();
          }
        }
        return null;
      }
      case "regtype":
        for (io.jointure.pgwire.types.PgType t : io.jointure.pgwire.types.PgType.values()) {
          if (t.typeName.equals(bare)) {
            return t.oid;
          }
        }
        return null;
      case "regnamespace":
        for (CatalogSnapshot.Namespace ns : snapshot().namespaces) {
          if (ns.name().equals(bare)) {
            return ns.oid();
          }
        }
        return bare.equals("pg_catalog") ? PgCatalogSchema.PG_CATALOG_OID : null;
      case "regproc":
      case "regprocedure":
        return PgCatalogSchema.PROCEDURES.get(bare.replaceAll("\\(.*\\)$", ""));
      default:
        return 0; // regrole, regoper: the one role, no operators
    }
  }

  /** Adds the catalog schemas and functions to a session's connection. */
  public void install(Connection connection, SessionSettings settings) throws SQLException {
    SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
    root.add("pg_catalog", new Lazy(() -> {
      Map<String, Table> tables = new java.util.LinkedHashMap<>(pgCatalog());
      tables.putAll(PgCatalogSchema.sessionTables(settings));
      return tables;
    }));
    root.add("information_schema", new Lazy(this::informationSchema));
    SchemaPlus pgCatalog = root.subSchemas().get("pg_catalog");
    // PostgreSQL searches pg_catalog before the search path: "FROM pg_namespace" names it too.
    for (String name : PgCatalogSchema.TABLES) {
      root.add(name, new Delegate(() -> pgCatalog.tables().get(name)));
    }
    for (Method method : CatalogFunctions.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getDeclaringClass() == CatalogFunctions.class) {
        root.add(method.getName(), function(method));
        pgCatalog.add(method.getName(), function(method));
      }
    }
  }

  private static org.apache.calcite.schema.Function function(Method method) {
    ArrayOf array = method.getAnnotation(ArrayOf.class);
    return array == null ? ScalarFunctionImpl.create(method)
        : new ArrayFunction(ScalarFunctionImpl.create(method), array.value());
  }

  /** A table of pg_catalog under its bare name, made when a query first names it. */
  private static final class Delegate extends org.apache.calcite.schema.impl.AbstractTable
      implements org.apache.calcite.schema.ScannableTable {
    private final java.util.function.Supplier<Table> table;

    Delegate(java.util.function.Supplier<Table> table) {
      this.table = table;
    }

    @Override
    public org.apache.calcite.rel.type.RelDataType getRowType(
        org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
      return table.get().getRowType(typeFactory);
    }

    @Override
    public org.apache.calcite.linq4j.Enumerable<Object[]> scan(
        org.apache.calcite.DataContext root) {
      return ((org.apache.calcite.schema.ScannableTable) table.get()).scan(root);
    }

    @Override
    public org.apache.calcite.schema.Schema.TableType getJdbcTableType() {
      return org.apache.calcite.schema.Schema.TableType.SYSTEM_TABLE;
    }
  }

  /** A catalog schema whose tables are found when a query first names one. */
  private static final class Lazy extends AbstractSchema {
    private final java.util.function.Supplier<Map<String, Table>> tables;
    private Map<String, Table> found;

    Lazy(java.util.function.Supplier<Map<String, Table>> tables) {
      this.tables = tables;
    }

    @Override
    protected synchronized Map<String, Table> getTableMap() {
      if (found == null) {
        found = tables.get();
      }
      return found;
    }
  }
}
