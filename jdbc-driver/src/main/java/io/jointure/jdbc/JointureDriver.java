package io.jointure.jdbc;

import io.jointure.adapter.JointureSchemas;
import io.jointure.adapter.SourceRegistry;
import io.jointure.adapter.relations.ComputedFields;
import io.jointure.adapter.relations.RelationException;
import io.jointure.adapter.relations.RelationViews;
import io.jointure.model.ComputedFieldConfig;
import io.jointure.model.Model;
import io.jointure.model.ModelException;
import io.jointure.model.ModelLoader;
import io.jointure.model.QueryLimits;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.types.JointureTypeSystem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;

/**
 * The embedded Jointure driver: {@code jdbc:jointure:model=<path>} or
 * {@code jdbc:jointure:model=inline:<yaml>}; it hands {@code jdbc:jointure:remote:...} URLs to
 * {@link JointureRemoteDriver}. A Calcite driver configured for PostgreSQL users'
 * habits (double-quoted identifiers, unquoted names matched case-insensitively, PostgreSQL
 * functions), read-only, and reporting the sources' keys in {@code DatabaseMetaData}.
 */
public class JointureDriver extends Driver {
  public static final String PREFIX = "jdbc:jointure:";

  /** Connection settings applied unless the URL or the properties set them. */
  static final Map<String, String> DEFAULTS = Map.of(
      "quoting", "DOUBLE_QUOTE",
      "unquotedCasing", "UNCHANGED",
      "quotedCasing", "UNCHANGED",
      "caseSensitive", "false",
      "conformance", "LENIENT",
      "fun", "standard,postgresql",
      "typeSystem", JointureTypeSystem.class.getName() + "#INSTANCE");

  static {
    QuietLibraryLogs.apply();
    new JointureDriver().register();
    BundledDrivers.register();
  }

  /**
   * Connections opened with {@code relationRules=false}, by their type factory (one per
   * connection; statements see a snapshot of the root schema, not the schema itself): their
   * statements are planned by stock Calcite rules only (the benchmark's baseline).
   */
  private static final Map<Object, Boolean> STOCK_PLANNING =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  static boolean relationRulesEnabled(Object typeFactory) {
    return !STOCK_PLANNING.containsKey(typeFactory);
  }

  /** Models built in Java, handed from {@link #connect(Model, Properties)} to the handler. */
  private static final Map<String, Model> JAVA_MODELS = new ConcurrentHashMap<>();
  private static final String JAVA_MODEL_PREFIX = "java:";

  public JointureDriver() {
    super(null);
  }

  /**
   * A connection to a model built in Java ({@link io.jointure.model.ModelBuilder}).
   *
   * @param info further connection settings, as URL properties would give them
   */
  public static Connection connect(Model model, Properties info) throws SQLException {
    String key = UUID.randomUUID().toString();
    JAVA_MODELS.put(key, model);
    try {
      Properties properties = new Properties();
      if (info != null) {
        properties.putAll(info);
      }
      properties.setProperty("model", JAVA_MODEL_PREFIX + key);
      return new JointureDriver().connect(PREFIX, properties);
    } finally {
      JAVA_MODELS.remove(key);
    }
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return JointureDriverVersion.INSTANCE;
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new JointurePrepare();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    if (url.startsWith(JointureRemoteDriver.PREFIX)) {
      // One driver class for both URL forms, so a tool needs one driver entry.
      return new JointureRemoteDriver().connect(url, info);
    }
    Properties properties = ConnectStringParser.parse(url.substring(PREFIX.length()), info);
    DEFAULTS.forEach(properties::putIfAbsent);
    if (properties.getProperty("model") == null) {
      throw new SQLException("no model given; use jdbc:jointure:model=/path/to/model.yaml");
    }
    Connection connection = super.connect(url, properties);
    return DetailedErrors.wrap((CalciteConnection) connection);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return JointureMeta.of((CalciteConnection) connection);
  }

  /**
   * Plans (without running) a query over every collection with computed fields, so that a field
   * whose SQL does not compile fails the connection, naming the field, not a later query.
   */
  private static void checkComputedFields(CalciteConnection connection, Model model)
      throws SQLException {
    for (ComputedFieldConfig field : model.fields()) {
      int dot = field.collection().indexOf('.');
      String sql = "SELECT \"" + field.name().replace("\"", "\"\"") + "\" FROM \""
          + field.collection().substring(0, dot) + "\".\"" + field.collection().substring(dot + 1)
          + "\"";
      try {
        connection.prepareStatement(sql).close();
      } catch (SQLException e) {
        throw new SQLException(model.origin() + ": " + field.path() + ".sql: the expression"
            + " does not compile: " + SqlErrors.of(e).getMessage()
            + "; columns of the collection are reachable as "
            + field.collection().substring(dot + 1) + ".<column>",
            ErrorCode.CONFIG_FILE_ERROR.sqlState(), e);
      }
    }
  }

  /**
   * The model's query limits as connection properties, unless the connection sets them; both
   * checked here, so that a wrong value fails the connection, not a later query.
   */
  private static void applyLimits(Properties properties, Model model) throws SQLException {
    QueryLimits limits = model.limits();
    if (limits.queryTimeoutSeconds() > 0) {
      properties.putIfAbsent(QueryLimits.QUERY_TIMEOUT_SECONDS,
          String.valueOf(limits.queryTimeoutSeconds()));
    }
    if (limits.maxMemoryBytes() > 0) {
      properties.putIfAbsent(QueryLimits.MAX_MEMORY, String.valueOf(limits.maxMemoryBytes()));
    }
    checked(properties, QueryLimits.QUERY_TIMEOUT_SECONDS, QueryLimits::parseTimeoutSeconds);
    checked(properties, QueryLimits.MAX_MEMORY, QueryLimits::parseBytes);
  }

  /** A connection property's value, if set, passes its parser, or the connection fails. */
  private static void checked(Properties properties, String name,
      java.util.function.Function<String, ?> parser) throws SQLException {
    String value = properties.getProperty(name);
    if (value != null) {
      try {
        parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw new SQLException("connection property " + name + ": " + e.getMessage(),
            ErrorCode.INVALID_PARAMETER_VALUE.sqlState());
      }
    }
  }

  @Override
  protected Handler createHandler() {
    return new HandlerImpl() {
      @Override
      public void onConnectionInit(AvaticaConnection avaticaConnection) throws SQLException {
        CalciteConnection connection = (CalciteConnection) avaticaConnection;
        String reference = connection.getProperties().getProperty("model");
        Model model;
        try {
          model = reference.startsWith(JAVA_MODEL_PREFIX)
              ? JAVA_MODELS.get(reference.substring(JAVA_MODEL_PREFIX.length()))
              : new ModelLoader().load(reference);
        } catch (ModelException e) {
          throw new SQLException(e.getMessage(), ErrorCode.CONFIG_FILE_ERROR.sqlState(), e);
        }
        if (model == null) {
          throw new SQLException("model " + reference + " was built in Java and can only be"
              + " opened with JointureDriver.connect(model, properties)");
        }
        applyLimits(connection.getProperties(), model);
        JointureSchemas.addTo(connection.getRootSchema(), model, SourceRegistry.global());
        try {
          ComputedFields.addTo(connection.getRootSchema(), connection.getTypeFactory(), model);
          RelationViews.addTo(connection.getRootSchema(), connection.getTypeFactory(), model);
        } catch (RelationException e) {
          throw new SQLException(e.getMessage(), ErrorCode.CONFIG_FILE_ERROR.sqlState(), e);
        } catch (RuntimeException e) {
          // A source the relations need could not be read (down, wrong credentials).
          throw new SQLException(model.origin() + ": cannot check the declared relations: "
              + e.getMessage(), ErrorCode.UNABLE_TO_CONNECT.sqlState(), e);
        }
        if ("false".equalsIgnoreCase(connection.getProperties().getProperty("relationRules"))) {
          STOCK_PLANNING.put(connection.getTypeFactory(), true);
        }
        PlanCache.register(connection.getTypeFactory(), model, connection.getRootSchema(),
            connection.getProperties());
        checkComputedFields(connection, model);
        String schema = connection.config().schema();
        if (schema == null && model.datasources().size() == 1) {
          schema = model.datasources().keySet().iterator().next();
        }
        if (schema != null) {
          connection.setSchema(schema);
        }
      }
    };
  }
}
