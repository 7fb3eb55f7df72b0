package io.jointure.adapter.rest;

/**
 * A request to an API failed, or its response is not what the model declares. The message names
 * the source, the URL (secrets hidden) and what went wrong.
 */
public final class RestException extends RuntimeException {
  RestException(String source, String shownUrl, String problem, Throwable cause) {
    super("datasource '" + source + "': GET " + shownUrl + ": " + problem, cause);
  }
}
