package io.jointure.jdbc;

import io.jointure.adapter.DatasourceSchema;
import io.jointure.model.Model;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Plans and their generated code, by statement text, shared by every connection to the same
 * model (embedded ones and the server's): BI tools send the same statements again and again, and
 * parsing, planning and compiling cost far more than running a selective query. A plan holds no
 * state of its own between runs (the operators it stashes are immutable; each run gets its own
 * rows and parameters), so one plan serves any number of runs at once.
 *
 * <p>Bounded by entries (least recently used go first, {@code jointure.planCache.maxEntries},
 * default 1000); a model that changes is another key, so its connections plan anew.
 */
public final class PlanCache {
  private static final PlanCache INSTANCE = new PlanCache(
      Integer.getInteger("jointure.planCache.maxEntries", 1000));
  /** Statements longer than this are planned every time: rare, and big to keep. */
  private static final int MAX_SQL_LENGTH = 64 * 1024;
  /** Connection properties that do not change a plan (runtime limits, credentials, the model). */
  private static final Set<String> RUNTIME_PROPERTIES = Set.of("model", "user", "password",
      io.jointure.model.QueryLimits.QUERY_TIMEOUT_SECONDS, io.jointure.model.QueryLimits.MAX_MEMORY);

  /** Each connection's model and planning settings, by its type factory (one per connection). */
  private static final Map<Object, Object> CONNECTION_KEYS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final int maxEntries;
  private final Map<Key, CalciteSignature<?>> plans;
  /** Statements being planned now: a client meeting one waits for that plan, not plans again. */
  private final Map<Key, CompletableFuture<CalciteSignature<?>>> planning =
      new ConcurrentHashMap<>();
  private long hits;
  private long misses;

  PlanCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.plans = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CalciteSignature<?>> eldest) {
        return size() > PlanCache.this.maxEntries;
      }
    };
  }

  /** One cached plan's identity: what it was planned for and from which text. */
  record Key(Object connection, List<String> schemaPath, String sql, long maxRowCount,
      Type elementType) {
  }

  /** The cache every connection of this process shares. */
  public static PlanCache shared() {
    return INSTANCE;
  }

  /**
   * Remembers what a connection's plans depend on: its model (sources, relations, fields,
   * collections), the running sources its schemas read (a source closed and opened again is
   * another source: plans hold the source they were planned for) and the connection properties
   * that change planning.
   */
  static void register(Object typeFactory, Model model, SchemaPlus root, Properties properties) {
    Map<String, String> planning = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!RUNTIME_PROPERTIES.contains(name)) {
        planning.put(name, properties.getProperty(name));
      }
    }
    List<Object> sources = new ArrayList<>();
    for (String name : model.datasources().keySet()) {
      SchemaPlus schema = root.subSchemas().get(name);
      sources.add(schema == null ? null : schema.unwrap(DatasourceSchema.class).requestLog());
    }
    CONNECTION_KEYS.put(typeFactory, List.of(model.datasources(), model.relations(),
        model.fields(), model.javaFields(), model.collections(), planning, sources));
  }

  /** The key of a statement, or null when it is not to be cached. */
  static Key key(Object typeFactory, List<String> schemaPath, String sql, long maxRowCount,
      Type elementType) {
    Object connection = CONNECTION_KEYS.get(typeFactory);
    if (connection == null || sql == null || sql.length() > MAX_SQL_LENGTH) {
      return null;
    }
    return new Key(connection, List.copyOf(schemaPath), sql, maxRowCount, elementType);
  }

  /**
   * The cached plan of a statement, else the plan {@code planner} makes, kept; a statement that
   * several clients send at once (a dashboard opening) is planned once while the others wait.
   */
  @SuppressWarnings("unchecked")
  <T> CalciteSignature<T> plan(Key key, Supplier<CalciteSignature<T>> planner) {
    CalciteSignature<T> cached = get(key);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<CalciteSignature<?>> mine = new CompletableFuture<>();
    CompletableFuture<CalciteSignature<?>> running = planning.putIfAbsent(key, mine);
    if (running != null) {
      try {
        CalciteSignature<T> planned = (CalciteSignature<T>) running.join();
        synchronized (this) {
          misses--; // it waited for a plan instead of planning: a hit
          hits++;
        }
        return planned;
      } catch (CompletionException e) {
        // The same text fails the same way: the planner's own error, as if planned here.
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    try {
      CalciteSignature<T> planned = planner.get();
      put(key, planned);
      mine.complete(planned);
      return planned;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      planning.remove(key, mine);
    }
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> CalciteSignature<T> get(Key key) {
    CalciteSignature<?> plan = plans.get(key);
    if (plan == null) {
      misses++;
    } else {
      hits++;
    }
    return (CalciteSignature<T>) plan;
  }

  private synchronized void put(Key key, CalciteSignature<?> plan) {
    plans.put(key, plan);
  }

  /** Statements served from the cache since the process started. */
  public synchronized long hits() {
    return hits;
  }

  /** Statements planned (not found in the cache) since the process started. */
  public synchronized long misses() {
    return misses;
  }

  public synchronized int size() {
    return plans.size();
  }

  /** Forgets every plan (the benchmark measures planning on an empty cache). */
  public synchronized void clear() {
    plans.clear();
  }
}
