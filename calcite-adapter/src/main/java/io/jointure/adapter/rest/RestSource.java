package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.adapter.request.RequestLog;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.model.DeclaredColumn;
import io.jointure.model.RestCollectionConfig;
import io.jointure.model.RestDatasourceConfig.HttpSettings;
import io.jointure.model.GraphQlDatasourceConfig;
import io.jointure.model.RestDatasourceConfig;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP source at run time: a {@code type: rest} datasource, or the API behind one External
 * relation. Holds its requester (headers, timeouts, retries, concurrency), its collections (their
 * columns declared, or inferred from a sample on first use), its planner convention and its
 * request log. Shared by every connection with the same configuration.
 */
public final class RestSource implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long PROBE_TIMEOUT_MS = 2000;

  private final String name;
  private final RestDatasourceConfig config;
  /** The GraphQL datasource, or null; its collections come from introspection. */
  private final GraphQlDatasourceConfig graphQl;
  private boolean introspected;
  private final HttpSettings http;
  private final HttpRequester requester;
  private final RequestLog requestLog = new RequestLog();
  private final RestConvention convention;
  private final ExecutorService executor;
  /** Collections described so far, by name. */
  private final Map<String, RestCollection> collections;

  /** A {@code type: rest} datasource. */
  public RestSource(RestDatasourceConfig config) {
    this(config.name(), config, null, config.http(), new LinkedHashMap<>());
  }

  /** A {@code type: graphql} datasource: its collections found by introspection, once. */
  public RestSource(GraphQlDatasourceConfig config) {
    this(config.name(), null, config, config.http(), new LinkedHashMap<>());
  }

  /** The API of one External relation, whose one collection is already known. */
  RestSource(String name, HttpSettings http, RestCollection collection) {
    this(name, null, null, http, new LinkedHashMap<>(Map.of(collection.name(), collection)));
  }

  private RestSource(String name, RestDatasourceConfig config, GraphQlDatasourceConfig graphQl,
      HttpSettings http, Map<String, RestCollection> collections) {
    this.name = name;
    this.config = config;
    this.graphQl = graphQl;
    this.http = http;
    this.collections = collections;
    this.requester = new HttpRequester(name, http);
    this.convention = new RestConvention(this);
    // Requests for many keys run side by side, as many at once as the API allows; idle
    // threads end, so a source nobody queries holds none.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(http.maxConcurrency(),
        http.maxConcurrency(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "jointure-rest-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  public String name() {
    return name;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public RestConvention convention() {
    return convention;
  }

  HttpRequester requester() {
    return requester;
  }

  ExecutorService executor() {
    return executor;
  }

  HttpSettings http() {
    return http;
  }

  /**
   * Why the API's host does not accept a connection now, or empty when it does. Only a TCP
   * connection is opened: an HTTP request could need credentials or have effects, and what an
   * API answers at its base address says nothing about its collections.
   */
  public Optional<String> unreachable() {
    if (config == null && graphQl == null) {
      return Optional.empty();
    }
    URI base = URI.create(config != null ? config.baseUrl() : graphQl.url());
    int port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
    int timeout = (int) Math.min(http.timeout().toMillis(), PROBE_TIMEOUT_MS);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), port), timeout);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("datasource '" + name + "': cannot connect to " + base.getHost() + ":"
          + port + " (" + e.getMessage() + "); is the API up, and is baseUrl right?");
    }
  }

  /** Query parameters every request carries (API keys): secrets. */
  Map<String, String> secretParameters() {
    return http.queryParameters();
  }

  /** The names of the collections: in the model's order (REST), in the API's (GraphQL). */
  public synchronized List<String> collectionNames() {
    if (graphQl != null) {
      introspect();
    }
    return config == null ? List.copyOf(collections.keySet())
        : List.copyOf(config.collections().keySet());
  }

  /**
   * A GraphQL API's tables, from its own description (the introspection query), and the ones
   * the model declares by hand; a failed introspection is tried again on next use.
   */
  private void introspect() {
    if (introspected) {
      return;
    }
    JsonNode answer = GraphQlRequests.post(this, graphQl.url(), GraphQlTypes.INTROSPECTION, null,
        QueryControl.unbounded());
    requestLog.record(new io.jointure.adapter.request.SourceRequest(name, "introspection",
        List.of(), 1));
    boolean refused = GraphQlRequests.failed(answer);
    if (refused && graphQl.collections().values().stream().noneMatch(
        GraphQlDatasourceConfig.GraphQlCollection::declared)) {
      GraphQlRequests.data(this, graphQl.url(), answer, "introspection", "; if the API does"
          + " not answer introspection, declare its tables in the model (collections: { books:"
          + " { query: books, records: edges.node, schema: { id: VARCHAR } } })");
    }
    // An API that refuses introspection (production APIs often do) serves the tables the model
    // declares by hand.
    collections.putAll(GraphQlCollections.of(refused ? null
        : GraphQlTypes.of(answer.path("data")), graphQl));
    introspected = true;
  }

  /**
   * A collection with its columns; one without a declared schema is sampled on first use (a
   * failed sample is tried again next time, and leaves the other collections alone).
   */
  public synchronized RestCollection collection(String name) {
    if (graphQl != null) {
      introspect();
    }
    RestCollection collection = collections.get(name);
    if (collection == null) {
      collection = describe(config.collections().get(name));
      collections.put(name, collection);
    }
    return collection;
  }

  private RestCollection describe(RestCollectionConfig collection) {
    RestCollection.ApiCollection endpoint =
        new RestCollection.ApiCollection(config.baseUrl(), collection);
    List<RestColumn> columns = new ArrayList<>();
    if (collection.schema().isPresent()) {
      for (DeclaredColumn column : collection.schema().get()) {
        columns.add(RestColumn.of(column.name(), SqlTypeSpec.of(column.type())));
      }
    } else {
      JsonSchemaInference inference = new JsonSchemaInference();
      new RecordPages(this, endpoint, List.of(), config.sampleSize(),
          QueryControl.unbounded())
          .forEachRemaining(record -> {
            if (record.isObject()) {
              inference.add(record);
            }
          });
      columns = inference.columns();
      if (columns.isEmpty()) {
        throw new SourceFailure(ErrorCode.CONFIG_FILE_ERROR, name, "datasource '" + name
            + "', collection '" + collection.name() + "': the sample response has no records to"
            + " infer columns from; declare them under " + collection.modelPath() + ".schema",
            null);
      }
    }
    return new RestCollection(collection.name(), List.copyOf(columns), 0, endpoint,
        collection.rowCount().orElse(RestCollectionConfig.DEFAULT_ROW_COUNT),
        collection.primaryKey());
  }

  /** A response and the records in it. */
  record Page(JsonNode body, JsonNode records) {
  }

  /**
   * Sends one GET and finds its records at the JSON pointer; the request goes in the request log
   * with the number of records, or as failed.
   */
  Page fetch(RestUrl url, String pointer, QueryControl control) {
    JsonNode body;
    try {
      body = requester.get(url, control);
    } catch (RuntimeException e) {
      requestLog.record(new SourceRequest(name, "GET " + url.shown(), List.of(), -1));
      throw e;
    }
    JsonNode records = records(body, pointer, url);
    requestLog.record(new SourceRequest(name, "GET " + url.shown(), List.of(), records.size()));
    return new Page(body, records);
  }

  /**
   * The records in a response: the array at the JSON pointer; a single object counts as one
   * record (an API answering one resource), null or absent as none.
   */
  private JsonNode records(JsonNode body, String pointer, RestUrl url) {
    JsonNode records = pointer.isEmpty() ? body : body.at(pointer);
    if (records.isMissingNode() || records.isNull()) {
      if (!pointer.isEmpty() && body.isObject()) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      }
    } else if (records.isArray()) {
      return records;
    } else if (records.isObject()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
          .add(records);
    }
    throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, name, "GET " + url.shown(),
        "the response is not the declared shape: expected"
        + " an array of records at " + (pointer.isEmpty() ? "its top level" : "JSON pointer "
            + pointer) + ", found " + records.getNodeType().name().toLowerCase(
                java.util.Locale.ROOT) + "; fix `records:` in the model", null);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
