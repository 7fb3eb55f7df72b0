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
 * <p>Bounded by entries and by bytes (least recently used go first;
 * {@code jointure.planCache.maxEntries}, default 1000, and {@code jointure.planCache.maxBytes},
 * default 64 MB, an estimate from each plan's generated code and text); a model that changes is
 * another key, so its connections plan anew.
 */
public final class PlanCache {
  private static final PlanCache INSTANCE = new PlanCache(
      Integer.getInteger("jointure.planCache.maxEntries", 1000),
      Long.getLong("jointure.planCache.maxBytes", 64L << 20));
  /** What a plan holds beside its code: operators, stashed source queries, row types. */
  private static final int PLAN_OVERHEAD_BYTES = 8 * 1024;
  /** Statements longer than this are planned every time: rare, and big to keep. */
  private static final int MAX_SQL_LENGTH = 64 * 1024;
  /** Connection properties that do not change a plan (runtime limits, credentials, the model). */
  private static final Set<String> RUNTIME_PROPERTIES = Set.of("model", "user", "password",
      io.jointure.model.QueryLimits.QUERY_TIMEOUT_SECONDS, io.jointure.model.QueryLimits.MAX_MEMORY);

  /** Each connection's model and planning settings, by its type factory (one per connection). */
  private static final Map<Object, Object> CONNECTION_KEYS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> plans = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  /** Statements being planned now: a client meeting one waits for that plan, not plans again. */
  private final Map<Key, CompletableFuture<CalciteSignature<?>>> planning =
      new ConcurrentHashMap<>();
  /** General texts (literals as parameters) that did not plan: their statements plan as written. */
  private final Set<Key> failed = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
      return size() > PlanCache.this.maxEntries;
    }
  });
  private long hits;
  private long misses;

  PlanCache(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** A plan as made: the signature to run, and the size of its generated Java source. */
  record Planned<T>(CalciteSignature<T> signature, long codeChars) {
  }

  private record Entry(CalciteSignature<?> signature, long bytes) {
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
  <T> CalciteSignature<T> plan(Key key, Supplier<Planned<T>> planner) {
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
      Planned<T> planned = planner.get();
      put(key, planned);
      mine.complete(planned.signature());
      return planned.signature();
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      planning.remove(key, mine);
    }
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> CalciteSignature<T> get(Key key) {
    Entry entry = plans.get(key);
    if (entry == null) {
      misses++;
      return null;
    }
    hits++;
    return (CalciteSignature<T>) entry.signature();
  }

  /** Keeps a plan, the least recently used going while over either bound. */
  private synchronized void put(Key key, Planned<?> planned) {
    long entryBytes = PLAN_OVERHEAD_BYTES + 2L * key.sql().length() + 6 * planned.codeChars();
    Entry previous = plans.put(key, new Entry(planned.signature(), entryBytes));
    bytes += entryBytes - (previous == null ? 0 : previous.bytes());
    var eldest = plans.entrySet().iterator();
    while ((plans.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
      bytes -= eldest.next().getValue().bytes();
      eldest.remove();
    }
  }

  synchronized boolean failedBefore(Key key) {
    return failed.contains(key);
  }

  synchronized void failed(Key key) {
    failed.add(key);
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

  /** The estimated bytes the cached plans hold. */
  public synchronized long bytes() {
    return bytes;
  }

  /** Forgets every plan (the benchmark measures planning on an empty cache). */
  public synchronized void clear() {
    plans.clear();
    bytes = 0;
    failed.clear();
  }
}
