package io.jointure.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.model.RestDatasourceConfig.HttpSettings;
import io.jointure.sql.errors.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends one API's requests (GET, and POST for GraphQL): its headers on every request, at most {@code maxConcurrency} in
 * flight, each within the timeout, retried with exponential backoff when the API answers 429 or
 * 5xx (waiting as long as {@code Retry-After} asks, up to a minute) or cannot be reached.
 */
final class HttpRequester {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final String source;
  private final HttpSettings settings;
  private final HttpClient client;
  private final Semaphore inFlight;

  HttpRequester(String source, HttpSettings settings) {
    this.source = source;
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.inFlight = new Semaphore(settings.maxConcurrency(), true);
  }

  /** The response's JSON, or a {@link RestException} naming the URL and the status. */
  JsonNode get(RestUrl url, QueryControl control) {
    return exchange(HttpRequest.newBuilder(url.toUri()).GET(), "GET " + url.shown(), false,
        control);
  }

  /** POSTs a JSON body (a GraphQL request); the response's JSON, as {@link #get}. */
  JsonNode post(RestUrl url, String json, QueryControl control) {
    return exchange(HttpRequest.newBuilder(url.toUri())
        .POST(HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Type", "application/json"), "POST " + url.shown(), true, control);
  }

  private JsonNode exchange(HttpRequest.Builder request, String shown, boolean graphQl,
      QueryControl control) {
    request.timeout(settings.timeout()).header("Accept", "application/json");
    settings.headers().forEach(request::header);
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = send(request.build(), control);
      } catch (HttpTimeoutException e) {
        throw new RestException(ErrorCode.QUERY_CANCELED, source, shown, "no answer within "
            + settings.timeout().toSeconds() + " s (timeoutSeconds)", e);
      } catch (ConnectException e) {
        if (attempt < settings.maxRetries()) {
          sleep(backoff(attempt), shown, control);
          continue;
        }
        throw new RestException(ErrorCode.UNABLE_TO_CONNECT, source, shown,
            "cannot connect (" + e.getMessage()
            + ") after " + (attempt + 1) + " attempts; is the API up?", e);
      } catch (IOException e) {
        throw new RestException(ErrorCode.CONNECTION_FAILURE, source, shown,
            "request failed: " + e, e);
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return parse(response.body(), shown);
      }
      if (graphQl && status / 100 == 4 && status != 401 && status != 403 && status != 429) {
        // GraphQL over HTTP answers a refused request (a syntax error, introspection turned
        // off) with 400 and its errors: the errors are the answer.
        JsonNode answer = errorsAnswer(response.body());
        if (answer != null) {
          return answer;
        }
      }
      if ((status == 429 || status / 100 == 5) && attempt < settings.maxRetries()) {
        sleep(retryAfter(response).orElse(backoff(attempt)), shown, control);
        continue;
      }
      throw new RestException(RestException.codeOf(status), source, shown,
          "HTTP " + status + redacted(excerpt(
          response.body()))
          + (status == 401 || status == 403 ? "; check the datasource's headers and"
              + " queryParameters (credentials)" : "")
          + (status == 429 || status / 100 == 5 ? " after " + (attempt + 1) + " attempts" : ""),
          null);
    }
  }

  /** Sends one request; a stopped query aborts it (the connection is closed). */
  private HttpResponse<String> send(HttpRequest request, QueryControl control)
      throws IOException {
    try {
      while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        control.check(); // waiting for a free slot ends with the query too
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try {
      control.check(); // stopped while waiting: the slot goes back, no request is sent
      return control.await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    } finally {
      inFlight.release();
    }
  }

  private JsonNode parse(String body, String shown) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source, shown,
          "the response is not JSON ("
          + e.getOriginalMessage() + ")" + redacted(excerpt(body)), e);
    }
  }

  /** A JSON body holding a non-empty {@code errors} array, or null. */
  private static JsonNode errorsAnswer(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      JsonNode errors = answer == null ? null : answer.get("errors");
      return errors != null && errors.isArray() && !errors.isEmpty() ? answer : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Duration backoff(int attempt) {
    return FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
  }

  /** {@code Retry-After}: seconds, or an HTTP date. */
  private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(value -> {
      try {
        return Duration.ofSeconds(Long.parseLong(value.trim()));
      } catch (NumberFormatException e) {
        try {
          return Duration.between(ZonedDateTime.now(),
              ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException unreadable) {
          return null;
        }
      }
    }).map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
  }

  /** Waits before a retry, in short steps so that a stopped query does not wait on. */
  private void sleep(Duration wait, String shown, QueryControl control) {
    try {
      long until = System.nanoTime() + wait.toNanos();
      for (long left = wait.toMillis(); left > 0;
          left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
        control.check();
        Thread.sleep(Math.min(left, 50));
      }
      control.check();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RestException(ErrorCode.QUERY_CANCELED, source, shown,
          "interrupted while waiting to retry", e);
    }
  }

  /** APIs echo requests in error bodies: credentials are blanked out of what is shown. */
  /** The text with the source's secrets (header and query parameter values) as {@code ***}. */
  String redacted(String text) {
    for (String secret : settings.headers().values()) {
      text = secret.isEmpty() ? text : text.replace(secret, "***");
    }
    for (String secret : settings.queryParameters().values()) {
      text = secret.isEmpty() ? text : text.replace(secret, "***");
    }
    return text;
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").trim();
    return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "..." : flat);
  }
}
