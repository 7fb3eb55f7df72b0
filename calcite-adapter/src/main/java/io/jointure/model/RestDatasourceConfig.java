package io.jointure.model;

import java.time.Duration;
import java.util.Map;

/**
 * A REST/JSON API datasource ({@code type: rest}), validated.
 *
 * @param name            the datasource's name, also its SQL schema name
 * @param baseUrl         the API's address; collection paths are relative to it
 * @param http            headers, query parameters, timeout, retries and concurrency of its
 *                        requests
 * @param sampleSize      records read to infer a collection's columns when it declares none
 * @param collections     the collections (tables) it offers, by name
 */
public record RestDatasourceConfig(
    String name,
    String baseUrl,
    HttpSettings http,
    int sampleSize,
    Map<String, RestCollectionConfig> collections) implements DatasourceConfig {

  public static final int DEFAULT_SAMPLE_SIZE = 100;

  @Override
  public DatasourceType type() {
    return DatasourceType.REST;
  }

  /**
   * How requests to one API are sent.
   *
   * @param headers         sent with every request (e.g. Authorization); values are secrets
   * @param queryParameters added to every request (e.g. an API key); values are secrets
   * @param timeout         per request
   * @param maxRetries      retries of a request answered 429 or 5xx, or that failed to connect
   * @param maxConcurrency  requests in flight at once
   */
  public record HttpSettings(Map<String, String> headers, Map<String, String> queryParameters,
      Duration timeout, int maxRetries, int maxConcurrency) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_MAX_CONCURRENCY = 4;

    public static HttpSettings defaults() {
      return new HttpSettings(Map.of(), Map.of(), Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS),
          DEFAULT_MAX_RETRIES, DEFAULT_MAX_CONCURRENCY);
    }

    /** Secrets stay out of logs and messages. */
    @Override
    public String toString() {
      return "HttpSettings[headers=" + headers.keySet() + ", queryParameters="
          + queryParameters.keySet() + ", timeout=" + timeout + ", maxRetries=" + maxRetries
          + ", maxConcurrency=" + maxConcurrency + "]";
    }
  }
}
