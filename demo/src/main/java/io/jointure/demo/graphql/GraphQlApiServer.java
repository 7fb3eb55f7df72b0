package io.jointure.demo.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.jointure.demo.api.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real GraphQL API on 127.0.0.1 ({@code POST /graphql}, graphql-java executing the schema of
 * {@link LibraryApi}), for the GraphQL sources' tests and the demo. It records every request
 * (document, variables, headers) and can inject faults: error statuses with Retry-After, delays,
 * and answers with an {@code errors} array.
 */
public final class GraphQlApiServer implements AutoCloseable {
  static {
    // The JDK's server writes a response's headers and body apart; with Nagle's algorithm on,
    // each answer then waits for the client's delayed ACK (about 40 ms). Real APIs do not.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int THREADS = 8;

  /**
   * One request as the server received it.
   *
   * @param query the URL's query string as sent (still encoded), or null
   */
  public record Request(String document, Map<String, Object> variables,
      Map<String, String> headers, String query) {
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;
  private final GraphQL graphQl;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Faults faults = new Faults();
  private volatile boolean introspectionDisabled;
  private final java.util.concurrent.atomic.AtomicLong recordsSent =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.Queue<String> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile Map<String, String> requiredHeaders = Map.of();

  private GraphQlApiServer(GraphQLSchema schema) throws IOException {
    graphQl = GraphQL.newGraphQL(schema).build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "graphql-api-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/graphql", this::handle);
    server.start();
  }

  /** Serves the library API, over this data, on a free port. */
  public static GraphQlApiServer start(LibraryApi.Data data) throws IOException {
    return new GraphQlApiServer(LibraryApi.schema(data));
  }

  /** "http://127.0.0.1:port/graphql". */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
  }

  /** The requests received so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
    recordsSent.set(0);
  }

  /** The next {@code count} requests answer {@code status} (with this Retry-After, or null). */
  public void failNext(int count, int status, String retryAfter) {
    faults.failNext(count, status, retryAfter);
  }

  public void delayNext(Duration delay) {
    faults.delayNext(delay);
  }

  /** The next request runs, and its answer also carries this error, as an {@code errors} item. */
  public void errorNext(String message) {
    errors.add(message);
  }

  /** Requests without these headers are answered 401. */
  /** Refuse introspection from now on, as production APIs often do. */
  public void disableIntrospection() {
    introspectionDisabled = true;
  }

  public void requireHeaders(Map<String, String> headers) {
    requiredHeaders = Map.copyOf(headers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) ->
          headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, Object> request = body.length == 0 ? Map.of()
          : mapper.readValue(body, Map.class);
      String document = String.valueOf(request.getOrDefault("query", ""));
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = request.get("variables") instanceof Map<?, ?> map
          ? (Map<String, Object>) map : Map.of();
      requests.add(new Request(document, variables, headers,
          exchange.getRequestURI().getRawQuery()));
      // Both taken on arrival: a delayed request must not take a fault meant for a later one.
      Duration delay = faults.nextDelay();
      Faults.Fault fault = faults.nextAnswer();
      if (delay != null) {
        Thread.sleep(delay.toMillis());
      }
      if (fault instanceof Faults.Failure failure) {
        if (failure.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
        }
        send(exchange, failure.status(), "{\"errors\":[{\"message\":\"injected\"}]}");
        return;
      }
      for (Map.Entry<String, String> required : requiredHeaders.entrySet()) {
        if (!required.getValue().equals(headers.get(required.getKey().toLowerCase(Locale.ROOT)))) {
          send(exchange, 401, "{\"errors\":[{\"message\":\"unauthorized\"}]}");
          return;
        }
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"errors\":[{\"message\":\"POST a GraphQL request\"}]}");
        return;
      }
      ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(document)
          .variables(variables).graphQLContext(Map.of(
              graphql.introspection.Introspection.INTROSPECTION_DISABLED,
              introspectionDisabled)).build());
      Map<String, Object> answer = new java.util.LinkedHashMap<>(result.toSpecification());
      if (result.getData() instanceof Map<?, ?> fields) {
        fields.values().forEach(value -> recordsSent.addAndGet(records(value)));
      }
      String injected = errors.poll();
      if (injected != null) {
        List<Object> all = new ArrayList<>();
        if (answer.get("errors") instanceof List<?> list) {
          all.addAll(list);
        }
        all.add(Map.of("message", injected, "path", List.of("injected")));
        answer.put("errors", all);
      }
      // GraphQL over HTTP: a request refused before it runs (no data) is a 400 with its errors
      send(exchange, result.isDataPresent() || injected != null ? 200 : 400,
          mapper.writeValueAsString(answer));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records in a root field's value: a list's, a connection's edges, one object. */
  private static long records(Object value) {
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.get("edges") instanceof List<?> edges ? edges.size() : 1;
    }
    return 0;
  }

  /** Records the API answered with since the last {@link #clearRequests}. */
  public long recordsSent() {
    return recordsSent.get();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
