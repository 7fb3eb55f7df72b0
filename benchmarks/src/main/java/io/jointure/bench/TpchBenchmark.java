package io.jointure.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.adapter.SourceRegistry;
import io.jointure.demo.EmbeddedMongo;
import io.jointure.demo.EmbeddedPostgres;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.bson.Document;
import org.postgresql.PGConnection;

/**
 * TPC-H's 22 queries over its data split across two PostgreSQL databases and MongoDB, with
 * relations declared between them, against the same data in one PostgreSQL database (the
 * baseline, measured in the same run). Data and query text come from TPC-H's generator
 * ({@code io.trino.tpch}). Prints per query: planning ms (EXPLAIN of text never planned before),
 * first-run ms, warm ms (median of 5, from the plan cache), native ms (median of 5), the
 * ratio, rows fetched per source, and whether the answer equals PostgreSQL's; then geometric
 * means.
 * {@code ./jointure bench --suite tpch [--scale 0.1]}.
 */
public final class TpchBenchmark {
  static final int RUNS = 5;
  /** A query still running after this is reported as such, not waited for. */
  static final int TIMEOUT_SECONDS = 300;

  /** Where each table lives: datasource name and the database or MongoDB database. */
  private static final Map<String, String> SOURCE_OF = new LinkedHashMap<>();

  static {
    SOURCE_OF.put("customer", "a");
    SOURCE_OF.put("orders", "a");
    SOURCE_OF.put("nation", "a");
    SOURCE_OF.put("region", "a");
    SOURCE_OF.put("lineitem", "b");
    SOURCE_OF.put("supplier", "b");
    SOURCE_OF.put("partsupp", "b");
    SOURCE_OF.put("part", "m");
  }

  private static final List<String> SOURCES = List.of("a", "b", "m");

  private TpchBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    double scale = 0.01;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--scale")) {
        scale = Double.parseDouble(args[i + 1]);
      }
    }
    run(scale, Arrays.asList(args).contains("--explain"));
  }

  static void run(double scale, boolean explain) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.start();
         EmbeddedMongo mongo = EmbeddedMongo.start()) {
      System.out.printf("TPC-H scale %s: generating and loading...%n", scale);
      long start = System.nanoTime();
      load(pg, mongo, scale);
      System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
      try (Connection nativePg = pg.connect("tpch_all");
           Connection jointure = connect(model(pg, mongo))) {
        System.out.println();
        System.out.println("| query | planning ms | first run ms | warm ms | native ms | ratio"
            + " | rows fetched (a/b/m) | answer |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        // The JVM's warm-up (class loading, JIT) is not any query's planning: each query is
        // planned once, as other text, before the measured (still fresh) text.
        for (int q = 1; q <= 22; q++) {
          explain(jointure, "/* warm-up */ " + qualified(query(q)));
        }
        List<Double> plannings = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int q = 1; q <= 22; q++) {
          String text = query(q);
          String federated = qualified(text);
          if (explain) {
            System.out.println(explain(jointure, federated));
          }
          Result row = measure(q, text, federated, nativePg, jointure);
          System.out.println(row.line());
          if (row.planning > 0) {
            plannings.add(row.planning);
          }
          if (row.warm > 0) {
            ratios.add(row.warm / row.nativeMillis);
          }
        }
        System.out.printf("%ngeometric mean: planning %.0f ms over %d queries; warm ratio to"
            + " native PostgreSQL %.1fx over %d queries%n", geometricMean(plannings),
            plannings.size(), geometricMean(ratios), ratios.size());
      } finally {
        SourceRegistry.global().closeAll(); // before the databases they pool connections to go
      }
    }
  }

  /** One query's figures; negative times for what did not finish. */
  private record Result(int query, double planning, double first, double warm,
      double nativeMillis, String fetched, String answer) {
    String line() {
      return String.format(Locale.ROOT, "| q%d | %s | %s | %s | %.1f | %s | %s | %s |", query,
          shown(planning), shown(first), shown(warm), nativeMillis,
          warm > 0 ? String.format(Locale.ROOT, "%.1fx", warm / nativeMillis) : "-", fetched,
          answer);
    }

    private static String shown(double millis) {
      return millis > 0 ? String.format(Locale.ROOT, "%.0f", millis) : "-";
    }
  }

  private static Result measure(int q, String text, String federated, Connection nativePg,
      Connection jointure) throws Exception {
    List<List<Object>> expected = rows(nativePg, text);
    double[] nativeTimes = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      rows(nativePg, text);
      nativeTimes[i] = (System.nanoTime() - start) / 1e6;
    }
    double nativeMillis = median(nativeTimes);
    double planning;
    try {
      long start = System.nanoTime();
      explain(jointure, "/* planning q" + q + " */ " + federated);
      planning = (System.nanoTime() - start) / 1e6;
    } catch (SQLException e) {
      return new Result(q, -1, -1, -1, nativeMillis, "-", "fails: " + e.getMessage());
    }
    List<List<Object>> first;
    double firstMillis;
    try {
      long start = System.nanoTime();
      first = rows(jointure, federated);
      firstMillis = (System.nanoTime() - start) / 1e6;
    } catch (SQLException e) {
      return new Result(q, planning, -1, -1, nativeMillis, "-", (e.getSQLState() != null
          && e.getSQLState().equals("57014") ? "timeout" : "fails") + ": " + e.getMessage());
    }
    double[] warm = new double[RUNS];
    String fetched = "";
    for (int i = 0; i < RUNS; i++) {
      SourceRequests.clear(jointure, SOURCES);
      long start = System.nanoTime();
      rows(jointure, federated);
      warm[i] = (System.nanoTime() - start) / 1e6;
      fetched = SourceRequests.fetched(jointure, SOURCES);
    }
    return new Result(q, planning, firstMillis, median(warm), nativeMillis, fetched,
        same(expected, first) ? "= PostgreSQL" : "DIFFERS: " + first + " vs " + expected);
  }

  private static String explain(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Equal answers: same rows in the same order, numbers equal to 6 significant digits. */
  private static boolean same(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!sameValue(e.get(i), a.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Number x && actual instanceof Number y) {
      double dx = x.doubleValue();
      double dy = y.doubleValue();
      return Math.abs(dx - dy) <= 1e-6 * Math.max(1, Math.max(Math.abs(dx), Math.abs(dy)));
    }
    return String.valueOf(expected).trim().equals(String.valueOf(actual).trim());
  }

  private static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double geometricMean(List<Double> values) {
    double logs = 0;
    for (double v : values) {
      logs += Math.log(v);
    }
    return values.isEmpty() ? Double.NaN : Math.exp(logs / values.size());
  }

  /**
   * TPC-H's text of query {@code q} as PostgreSQL runs it: the view of q15 becomes a WITH
   * clause, Presto's {@code date('...')} a date literal.
   */
  static String query(int q) throws IOException {
    String text;
    try (InputStream in = TpchTable.class.getResourceAsStream(
        "/io/trino/tpch/queries/q" + q + ".sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.trim().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    String result = sql.toString().trim().replaceAll("date\\('([0-9-]+)'\\)", "DATE '$1'");
    if (q == 15) {
      result = result.replaceFirst("(?s)CREATE OR REPLACE VIEW revenue AS(.*?);",
          "WITH revenue AS ($1)");
    }
    return result.replaceAll(";\\s*$", "");
  }

  /**
   * The query with each table named by its datasource: a table name right after FROM, JOIN or a
   * comma (TPC-H's FROM lists; its column aliases such as {@code AS nation} stay).
   */
  static String qualified(String sql) {
    String result = sql;
    for (Map.Entry<String, String> table : SOURCE_OF.entrySet()) {
      result = result.replaceAll("(?i)(\\bFROM|\\bJOIN|,)(\\s+)" + table.getKey()
          + "(?![\\w(])", "$1$2" + table.getValue() + "." + table.getKey());
    }
    return result;
  }

  private static Connection connect(String model) throws SQLException {
    Properties info = new Properties();
    info.setProperty("model", "inline:" + model);
    return DriverManager.getConnection("jdbc:jointure:", info);
  }

  /** The model: the three sources, and the relations TPC-H's foreign keys declare. */
  static String model(EmbeddedPostgres pg, EmbeddedMongo mongo) {
    return """
        version: 1
        datasources:
          a: { type: postgresql, url: "%s", user: postgres }
          b: { type: postgresql, url: "%s", user: postgres }
          m: { type: mongodb, uri: "%s", database: tpch_m }
        collections:
          b.lineitem:
            relations:
              order: { type: ManyToOne, foreignCollection: a.orders, foreignKey: l_orderkey }
              part: { type: ManyToOne, foreignCollection: m.part, foreignKey: l_partkey }
              supplier: { type: ManyToOne, foreignCollection: b.supplier, foreignKey: l_suppkey }
          b.partsupp:
            relations:
              part: { type: ManyToOne, foreignCollection: m.part, foreignKey: ps_partkey }
          b.supplier:
            relations:
              nation: { type: ManyToOne, foreignCollection: a.nation, foreignKey: s_nationkey }
          a.orders:
            relations:
              customer: { type: ManyToOne, foreignCollection: a.customer, foreignKey: o_custkey }
        """.formatted(pg.jdbcUrl("tpch_a"), pg.jdbcUrl("tpch_b"), mongo.uri());
  }

  static void load(EmbeddedPostgres pg, EmbeddedMongo mongo, double scale)
      throws Exception {
    for (String db : List.of("tpch_a", "tpch_b", "tpch_all")) {
      pg.createDatabase(db);
    }
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      for (TpchTable<?> table : TpchTable.getTables()) {
        String source = SOURCE_OF.get(table.getTableName());
        loadPostgres(pg, "tpch_all", table, scale);
        if (source.equals("m")) {
          loadMongo(client.getDatabase("tpch_m").getCollection(table.getTableName()), table,
              scale);
        } else {
          loadPostgres(pg, "tpch_" + source, table, scale);
        }
      }
    }
    for (String db : List.of("tpch_a", "tpch_b", "tpch_all")) {
      try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  private static final Map<String, String> KEYS = Map.of(
      "customer", "c_custkey", "orders", "o_orderkey", "lineitem", "l_orderkey, l_linenumber",
      "part", "p_partkey", "partsupp", "ps_partkey, ps_suppkey", "supplier", "s_suppkey",
      "nation", "n_nationkey", "region", "r_regionkey");
  private static final List<String> INDEXES = List.of("lineitem(l_partkey)",
      "lineitem(l_suppkey)", "orders(o_custkey)", "partsupp(ps_suppkey)");

  private static <E extends TpchEntity> void loadPostgres(EmbeddedPostgres pg, String db,
      TpchTable<E> table, double scale) throws Exception {
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + table.getTableName() + " (");
    for (TpchColumn<E> column : table.getColumns()) {
      ddl.append(column.getColumnName()).append(' ').append(sqlType(column)).append(", ");
    }
    ddl.append("PRIMARY KEY (").append(KEYS.get(table.getTableName())).append("))");
    StringBuilder copy = new StringBuilder();
    for (E row : table.createGenerator(scale, 1, 1)) {
      List<TpchColumn<E>> columns = table.getColumns();
      for (int i = 0; i < columns.size(); i++) {
        copy.append(i == 0 ? "" : "\t").append(text(columns.get(i), row));
      }
      copy.append('\n');
    }
    try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
      s.execute(ddl.toString());
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.getTableName()
          + " FROM STDIN", new StringReader(copy.toString()));
      for (String index : INDEXES) {
        if (index.startsWith(table.getTableName() + "(")) {
          s.execute("CREATE INDEX ON " + index);
        }
      }
    }
  }

  private static String sqlType(TpchColumn<?> column) {
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> "bigint NOT NULL";
      case INTEGER -> "integer NOT NULL";
      case DATE -> "date NOT NULL";
      case DOUBLE -> "numeric(15,2) NOT NULL";
      case VARCHAR -> "varchar(" + column.getType().getPrecision().orElse(255L) + ") NOT NULL";
    };
  }

  private static <E extends TpchEntity> String text(TpchColumn<E> column, E row) {
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> Long.toString(column.getIdentifier(row));
      case INTEGER -> Integer.toString(column.getInteger(row));
      case DATE -> LocalDate.ofEpochDay(column.getDate(row)).toString();
      case DOUBLE -> BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP)
          .toPlainString();
      case VARCHAR -> column.getString(row).replace("\\", "\\\\").replace("\t", "\\t")
          .replace("\n", "\\n");
    };
  }

  /** A MongoDB collection as documents store such data: the key as {@code _id} too. */
  private static <E extends TpchEntity> void loadMongo(MongoCollection<Document> collection,
      TpchTable<E> table, double scale) {
    List<Document> batch = new ArrayList<>();
    for (E row : table.createGenerator(scale, 1, 1)) {
      Document document = new Document();
      for (TpchColumn<E> column : table.getColumns()) {
        Object value = switch (column.getType().getBase()) {
          case IDENTIFIER -> column.getIdentifier(row);
          case INTEGER -> column.getInteger(row);
          case DATE -> Date.from(LocalDate.ofEpochDay(column.getDate(row))
              .atStartOfDay(ZoneOffset.UTC).toInstant());
          case DOUBLE -> BigDecimal.valueOf(column.getDouble(row))
              .setScale(2, RoundingMode.HALF_UP).doubleValue();
          case VARCHAR -> column.getString(row);
        };
        if (document.isEmpty()) {
          document.append("_id", value);
        }
        document.append(column.getColumnName(), value);
      }
      batch.add(document);
      if (batch.size() == 5_000) {
        collection.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      collection.insertMany(batch);
    }
  }
}
