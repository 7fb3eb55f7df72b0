package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointure.demo.api.ApiCollection.ListStyle;
import io.jointure.demo.api.JsonApiServer;
import io.jointure.demo.api.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API server that the REST sources' tests run against answers as documented. */
class JsonApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private JsonApiServer api;

  @BeforeEach
  void start() throws IOException {
    api = JsonApiServer.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** Cities 1..count; odd ids are in the north. */
  private static List<Map<String, Object>> cities(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> Map.<String, Object>of("id", i, "name", "City " + i, "region", i % 2 == 1 ? "north" : "south"))
        .toList();
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>(); // allows null values
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    return getUrl(api.baseUrl() + pathAndQuery, headers);
  }

  private HttpResponse<String> getUrl(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a 200 JSON answer. */
  private JsonNode json(String pathAndQuery) throws Exception {
    return json(get(pathAndQuery));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response::body);
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
    return JSON.readTree(response.body());
  }

  private static List<Integer> ids(JsonNode records) {
    assertTrue(records.isArray(), records::toString);
    List<Integer> ids = new ArrayList<>();
    records.forEach(r -> ids.add(r.get("id").asInt()));
    return ids;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void pagePaginationWalksEveryPageThenAnEmptyOne() throws Exception {
    api.collection("/cities", cities(53)).envelope("/data").pagePagination("page", "per_page", 1).maxPageSize(30);
    List<Integer> seen = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode data = json("/cities?per_page=10&page=" + page).at("/data");
      if (data.isEmpty()) {
        break;
      }
      seen.addAll(ids(data));
    }
    assertEquals(range(1, 53), seen);
    assertEquals(7, api.requests("/cities").size());
    assertEquals(range(1, 25), ids(json("/cities").at("/data")), "default page size 25");
    assertEquals(range(31, 53), ids(json("/cities?page=2&per_page=1000").at("/data")), "clamped to 30");
    assertEquals(400, get("/cities?page=0").statusCode());
  }

  @Test
  void offsetPaginationWalksEveryPageOfABareArray() throws Exception {
    api.collection("/cities", cities(53)).offsetPagination("offset", "limit");
    List<Integer> seen = new ArrayList<>();
    for (int offset = 0; ; offset += 15) {
      JsonNode page = json("/cities?offset=" + offset + "&limit=15");
      if (page.isEmpty()) {
        break;
      }
      seen.addAll(ids(page));
    }
    assertEquals(range(1, 53), seen);
    assertEquals(range(51, 53), ids(json("/cities?offset=50")));
  }

  @Test
  void cursorPaginationFollowsOpaqueCursorsUntilNull() throws Exception {
    api.collection("/cities", cities(53)).envelope("/result/items")
        .cursorPagination("cursor", "limit", "/meta/next_cursor");
    List<Integer> seen = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    String path = "/cities";
    while (true) {
      JsonNode response = json(path);
      seen.addAll(ids(response.at("/result/items")));
      JsonNode cursor = response.at("/meta/next_cursor");
      if (cursor.isNull()) {
        break;
      }
      assertTrue(cursor.isTextual(), response::toString);
      assertFalse(cursor.asText().matches("\\d+"), "opaque: " + cursor);
      cursors.add(cursor.asText());
      path = "/cities?cursor=" + encode(cursor.asText());
    }
    assertEquals(range(1, 53), seen);
    assertEquals(2, cursors.size(), "pages of the default 25: " + cursors);
    assertEquals(range(26, 28), ids(json("/cities?limit=3&cursor=" + encode(cursors.get(0))).at("/result/items")));
    assertEquals(400, get("/cities?cursor=bogus").statusCode());
  }

  @Test
  void nextLinkPaginationKeepsTheOtherParameters() throws Exception {
    api.collection("/cities", cities(53)).envelope("/data").filterParam("region", "region")
        .nextLinkPagination("limit", "/links/next");
    List<Integer> seen = new ArrayList<>();
    List<String> links = new ArrayList<>();
    String url = api.baseUrl() + "/cities?limit=10&region=north&lang=pt%20BR";
    while (url != null) {
      JsonNode response = json(getUrl(url));
      seen.addAll(ids(response.at("/data")));
      JsonNode next = response.at("/links/next");
      assertFalse(next.isMissingNode(), response::toString);
      url = next.isNull() ? null : next.asText();
      if (url != null) {
        links.add(url);
      }
    }
    assertEquals(IntStream.rangeClosed(1, 53).filter(i -> i % 2 == 1).boxed().toList(), seen);
    assertEquals(2, links.size(), links::toString);
    for (String link : links) {
      assertTrue(link.startsWith(api.baseUrl() + "/cities?limit=10&region=north&lang=pt%20BR&page_token="), link);
    }
    assertNotEquals(links.get(0), links.get(1));
    for (RecordedRequest request : api.requests("/cities")) {
      assertEquals(List.of("north"), request.query().get("region"));
      assertEquals(List.of("pt BR"), request.query().get("lang"));
    }
  }

  private List<Map<String, Object>> people() {
    return List.of(
        row("id", 1, "name", "Smith, J", "score", 2.0, "active", true),
        row("id", 2, "name", "Doe", "score", 3, "active", false),
        row("id", 3, "name", "Roe", "score", 2, "active", true),
        row("id", 4, "name", "Smith", "score", null, "active", true));
  }

  @Test
  void filtersKeepEqualValues() throws Exception {
    api.collection("/people", people())
        .filterParam("name", "name")
        .filterParam("score", "score")
        .filterParam("active", "active")
        .listFilterParam("names", "name", ListStyle.COMMA)
        .listFilterParam("id", "id", ListStyle.REPEATED)
        .filterParam("code", "id")
        .listFilterParam("code", "id", ListStyle.COMMA);
    assertEquals(List.of(1), ids(json("/people?name=Smith%2C%20J")));
    assertEquals(List.of(4), ids(json("/people?name=Smith")));
    assertEquals(List.of(1, 3), ids(json("/people?score=2")), "2.0 reads as 2");
    assertEquals(List.of(2), ids(json("/people?active=false")));
    assertEquals(List.of(1, 2), ids(json("/people?names=Smith%2C%20J,Doe")), "an encoded comma stays in its value");
    assertEquals(List.of(2, 4), ids(json("/people?names=Smith,Doe")));
    assertEquals(List.of(1, 3), ids(json("/people?id=1&id=3")));
    assertEquals(List.of(), ids(json("/people?id=1,3")), "REPEATED does not split on commas");
    assertEquals(List.of(2), ids(json("/people?code=2")));
    assertEquals(List.of(2, 4), ids(json("/people?code=4,2")));
    assertEquals(List.of(3), ids(json("/people?names=Doe,Roe&score=2")));
    assertEquals(List.of(1, 2, 3, 4), ids(json("/people?color=red")), "unknown parameters are ignored");
  }

  @Test
  void sortsStablyWithNullsLastAscendingAndFirstDescendingThenLimits() throws Exception {
    api.collection("/scores", List.of(
            row("id", 1, "group", "a", "score", 3),
            row("id", 2, "group", "b", "score", null),
            row("id", 3, "group", "b", "score", 1),
            row("id", 4, "group", "b", "score", 3.0),
            row("id", 5, "group", "a", "score", 2),
            row("id", 6, "group", "a")))
        .sortParam("sort")
        .limitParam("limit");
    assertEquals(List.of(3, 5, 1, 4, 2, 6), ids(json("/scores?sort=score")));
    assertEquals(List.of(2, 6, 1, 4, 5, 3), ids(json("/scores?sort=-score")));
    assertEquals(List.of(6, 5, 1, 4, 3, 2), ids(json("/scores?sort=group,-id")));
    assertEquals(List.of(3, 5), ids(json("/scores?sort=score&limit=2")));
    assertEquals(List.of(1, 2, 3, 4, 5, 6), ids(json("/scores")));
  }

  @Test
  void failNextAnswersErrorsWithRetryAfterThenRecovers() throws Exception {
    api.collection("/cities", cities(3));
    api.failNext(2, 429, "3");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> failed = get("/cities");
      assertEquals(429, failed.statusCode());
      assertEquals("3", failed.headers().firstValue("Retry-After").orElse(null));
      assertEquals(429, JSON.readTree(failed.body()).at("/error/status").asInt());
    }
    assertEquals(range(1, 3), ids(json("/cities")));
    api.failNext(1, 503, null);
    HttpResponse<String> unavailable = get("/nowhere");
    assertEquals(503, unavailable.statusCode());
    assertTrue(unavailable.headers().firstValue("Retry-After").isEmpty());
    assertEquals(4, api.requests().size());
  }

  @Test
  void malformedNextAnswersInvalidJsonOnce() throws Exception {
    api.collection("/cities", cities(3));
    api.malformedNext();
    HttpResponse<String> malformed = get("/cities");
    assertEquals(200, malformed.statusCode());
    assertThrows(JsonProcessingException.class, () -> JSON.readTree(malformed.body()));
    assertEquals(range(1, 3), ids(json("/cities")));
  }

  @Test
  void requiredCredentialsOrUnauthorized() throws Exception {
    api.collection("/cities", cities(3));
    api.requireHeader("Authorization", "Bearer s3cret");
    assertEquals(401, get("/cities").statusCode());
    assertEquals(401, get("/cities", "Authorization", "Bearer wrong").statusCode());
    assertEquals(range(1, 3), ids(json(get("/cities", "Authorization", "Bearer s3cret"))));
    api.requireQueryParameter("api_key", "k 1");
    assertEquals(401, get("/cities", "Authorization", "Bearer s3cret").statusCode());
    assertEquals(range(1, 3), ids(json(get("/cities?api_key=k%201", "Authorization", "Bearer s3cret"))));
  }

  @Test
  void routesDecodePathVariablesAfterSplitting() throws Exception {
    AtomicReference<Map<String, String>> variables = new AtomicReference<>();
    AtomicReference<Map<String, List<String>>> query = new AtomicReference<>();
    api.route("/cities/{id}/honorary-citizens", (vars, params) -> {
      variables.set(vars);
      query.set(params);
      return vars.get("id").startsWith("S") ? List.of(Map.of("name", "Pelé")) : null;
    });
    JsonNode citizens = json("/cities/S%C3%A3o%20Paulo%2FSP/honorary-citizens?since=1990&since=2000");
    assertEquals("Pelé", citizens.at("/0/name").asText());
    assertEquals(Map.of("id", "São Paulo/SP"), variables.get());
    assertEquals(Map.of("since", List.of("1990", "2000")), query.get());
    json("/cities/S+a/honorary-citizens");
    assertEquals(Map.of("id", "S+a"), variables.get(), "'+' is a plus in a path");
    assertEquals(404, get("/cities/Rio/honorary-citizens").statusCode());
    assertEquals(404, get("/cities/S%C3%A3o/honorary-citizens/extra").statusCode());
    RecordedRequest first = api.requests().get(0);
    assertEquals("/cities/São Paulo/SP/honorary-citizens", first.path());
    assertEquals("/cities/S%C3%A3o%20Paulo%2FSP/honorary-citizens", first.rawPath());
  }

  @Test
  void recordsEveryRequestDecodedAndAsSent() throws Exception {
    api.collection("/cities", cities(3));
    get("/cities?q=a%20b&tag=x&flag&tag=y&plus=1+2", "X-Trace", "abc");
    get("/other");
    List<RecordedRequest> requests = api.requests();
    assertEquals(2, requests.size());
    RecordedRequest request = requests.get(0);
    assertEquals("GET", request.method());
    assertEquals("/cities", request.path());
    assertEquals("q=a%20b&tag=x&flag&tag=y&plus=1+2", request.rawQuery());
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("q", List.of("a b"));
    expected.put("tag", List.of("x", "y"));
    expected.put("flag", List.of(""));
    expected.put("plus", List.of("1 2"));
    assertEquals(expected, request.query());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(request.query().keySet()), "in order");
    assertEquals("abc", request.headers().get("x-trace"));
    assertNull(requests.get(1).rawQuery());
    assertEquals(Map.of(), requests.get(1).query());
    assertEquals(List.of(requests.get(1)), api.requests("/oth"));
    api.clearRequests();
    assertEquals(List.of(), api.requests());
  }

  @Test
  void unknownPathsAndOtherMethodsAreRefusedInJson() throws Exception {
    api.collection("/cities", cities(3));
    HttpResponse<String> missing = get("/cities/");
    assertEquals(404, missing.statusCode());
    assertEquals(404, JSON.readTree(missing.body()).at("/error/status").asInt());
    HttpResponse<String> post = http.send(
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/cities")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void delayNextMakesClientsTimeOutOnce() throws Exception {
    api.collection("/cities", cities(3));
    api.delayNext(Duration.ofSeconds(3));
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/cities"))
        .timeout(Duration.ofMillis(300)).build();
    assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    assertEquals(200, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void countsConcurrentRequests() throws Exception {
    api.collection("/cities", cities(3));
    json("/cities");
    assertEquals(1, api.maxConcurrentRequests());
    api.clearRequests();
    assertEquals(0, api.maxConcurrentRequests());
    api.delayNext(Duration.ofMillis(700)); // the first to arrive waits while the second is served
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/cities")).build();
    List<CompletableFuture<HttpResponse<String>>> responses = List.of(
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertEquals(200, response.get(10, TimeUnit.SECONDS).statusCode());
    }
    assertEquals(2, api.maxConcurrentRequests());
  }

  @Test
  void closeStopsAtOnceEvenWithADelayedRequest() throws Exception {
    api.collection("/cities", cities(3));
    api.delayNext(Duration.ofSeconds(30));
    CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/cities")).build(), HttpResponse.BodyHandlers.ofString());
    while (api.requests().isEmpty()) {
      Thread.sleep(10);
    }
    long start = System.nanoTime();
    api.close();
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close took too long");
    ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof IOException, failure::toString);
  }
}
