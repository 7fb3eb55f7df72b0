package io.jointure.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A real HTTP server on 127.0.0.1 serving JSON collections and routes, for the REST sources' tests
 * and the demo. It records every request it receives and can inject faults (error statuses,
 * delays, malformed bodies) and require credentials.
 *
 * <p>A request goes through: recording, any injected delay, any injected answer, the method (only
 * GET), the required credentials (401), then the collection at its exact decoded path, else the
 * first matching route, else 404. Bad parameters give 400.
 */
public final class JsonApiServer implements AutoCloseable {
  static {
    // The JDK's server writes a response's headers and body apart; with Nagle's algorithm on,
    // each answer then waits for the client's delayed ACK (about 40 ms). Real APIs do not.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int THREADS = 16;
  private static final String MALFORMED_BODY = "{\"data\": [{\"id\": 1, \"name\": \"trunc";

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;
  private final Map<String, ApiCollection> collections = new ConcurrentHashMap<>();
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Faults faults = new Faults();
  private final Map<String, String> requiredHeaders = new ConcurrentHashMap<>();
  private final Map<String, String> requiredQueryParameters = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private JsonApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "json-api-server");
      thread.setDaemon(true); // a test that forgets close() must not keep the JVM alive
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = "http://127.0.0.1:" + port();
  }

  /** Starts a server on 127.0.0.1 and a free port, answering several requests at a time. */
  public static JsonApiServer start() throws IOException {
    return new JsonApiServer();
  }

  /** "http://127.0.0.1:port". */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Serves GET {@code path} (exact, decoded) with these records: JSON objects whose values are
   * String, Number, Boolean, null, or nested Map/List. Replaces any collection on that path.
   */
  public ApiCollection collection(String path, List<Map<String, Object>> records) {
    ApiCollection collection = new ApiCollection(mapper, records);
    collections.put(path, collection);
    return collection;
  }

  /**
   * Serves GET on a path template like "/cities/{id}/honorary-citizens". The handler gets the
   * decoded path variables and the decoded query parameters, and returns any JSON-able value, or
   * null for 404. Routes are tried in the order they were added, after the collections.
   */
  public void route(
      String pathTemplate, BiFunction<Map<String, String>, Map<String, List<String>>, Object> handler) {
    routes.add(new Route(pathTemplate, handler));
  }

  /** Every request received, oldest first. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests whose decoded path starts with the prefix, oldest first. */
  public List<RecordedRequest> requests(String pathPrefix) {
    return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  /** Forgets the requests received so far, and restarts {@link #maxConcurrentRequests}. */
  public void clearRequests() {
    synchronized (requests) {
      requests.clear();
    }
    maxInFlight.set(inFlight.get());
  }

  /**
   * The next {@code count} requests (any path) get {@code status} with a JSON error body, and a
   * Retry-After header with this value unless it is null.
   */
  public void failNext(int count, int status, String retryAfter) {
    faults.failNext(count, status, retryAfter);
  }

  /** The next request waits this long before answering. */
  public void delayNext(Duration delay) {
    faults.delayNext(delay);
  }

  /** The next request gets 200 with a body that is not valid JSON. */
  public void malformedNext() {
    faults.malformedNext();
  }

  /** Requests without this header value get 401. */
  public void requireHeader(String name, String value) {
    requiredHeaders.put(name, value);
  }

  /** Requests without this query parameter value (decoded) get 401. */
  public void requireQueryParameter(String name, String value) {
    requiredQueryParameters.put(name, value);
  }

  /** The most requests served at the same time since the last {@link #clearRequests()}. */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** Stops at once: open connections are closed and delayed requests interrupted. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Response(int status, byte[] body, String retryAfter) {}

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean counted = true;
    try {
      URI uri = exchange.getRequestURI();
      QueryString query = QueryString.parse(uri.getRawQuery());
      record(exchange, uri, query);
      Duration delay = faults.nextDelay();
      if (delay != null) {
        Thread.sleep(delay.toMillis());
      }
      Response response = respond(exchange, uri, query);
      // Done with the request before the client can see the answer, so that a client's next
      // request never overlaps this one in the count.
      inFlight.decrementAndGet();
      counted = false;
      send(exchange, response);
    } catch (InterruptedException e) {
      // Closing: leave without answering.
      Thread.currentThread().interrupt();
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
      exchange.close();
    }
  }

  private void record(HttpExchange exchange, URI uri, QueryString query) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(),
        uri.getRawPath(), uri.getRawQuery(), query.decoded(), headers);
    synchronized (requests) {
      requests.add(request);
    }
  }

  private Response respond(HttpExchange exchange, URI uri, QueryString query) {
    Faults.Fault fault = faults.nextAnswer();
    if (fault instanceof Faults.Failure failure) {
      return new Response(failure.status(), error(failure.status(), "injected failure"), failure.retryAfter());
    }
    if (fault instanceof Faults.Malformed) {
      return new Response(200, MALFORMED_BODY.getBytes(StandardCharsets.UTF_8), null);
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return errorResponse(405, "only GET is served");
    }
    if (!authorized(exchange, query)) {
      return errorResponse(401, "missing or wrong credentials");
    }
    try {
      ApiCollection collection = collections.get(uri.getPath());
      if (collection != null) {
        return ok(collection.answer(query, baseUrl + uri.getRawPath()));
      }
      for (Route route : routes) {
        Map<String, String> variables = route.match(uri.getRawPath());
        if (variables != null) {
          Object body = route.answer(variables, query.decoded());
          return body == null ? errorResponse(404, "not found: " + uri.getPath()) : ok(body);
        }
      }
      return errorResponse(404, "no resource at " + uri.getPath());
    } catch (IllegalArgumentException e) {
      return errorResponse(400, e.getMessage());
    } catch (RuntimeException e) {
      return errorResponse(500, e.toString());
    }
  }

  private boolean authorized(HttpExchange exchange, QueryString query) {
    for (Map.Entry<String, String> required : requiredHeaders.entrySet()) {
      List<String> values = exchange.getRequestHeaders().get(required.getKey());
      if (values == null || !values.contains(required.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, String> required : requiredQueryParameters.entrySet()) {
      if (!query.all(required.getKey()).contains(required.getValue())) {
        return false;
      }
    }
    return true;
  }

  private Response ok(Object body) {
    try {
      return new Response(200, mapper.writeValueAsBytes(body), null);
    } catch (JsonProcessingException e) {
      return errorResponse(500, "cannot write the answer as JSON: " + e.getOriginalMessage());
    }
  }

  private Response errorResponse(int status, String message) {
    return new Response(status, error(status, message), null);
  }

  /** {"error": {"status": 404, "message": "..."}}. */
  private byte[] error(int status, String message) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("status", status);
    detail.put("message", message);
    try {
      return mapper.writeValueAsBytes(Map.of("error", detail));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a map of a number and a string always serializes
    }
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (response.status() == 405) {
      exchange.getResponseHeaders().set("Allow", "GET");
    }
    if (response.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", response.retryAfter());
    }
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }
}
