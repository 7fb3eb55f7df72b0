package io.jointure.adapter.rest;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;

/**
 * A request to an API failed, or its response is not what the model declares. The message names
 * the source, the URL (secrets hidden) and what went wrong; the SQLSTATE says which: the API
 * cannot be reached ({@code 08001}), the connection broke or the API fails ({@code 08006}), no
 * answer in time ({@code 57014}), credentials refused ({@code 28000}), the API refused the
 * request or answered something else than declared ({@code 38000}).
 */
public final class RestException extends SourceFailure {
  /** @param request what was asked, secrets hidden: {@code GET https://...}, {@code POST ...} */
  RestException(ErrorCode code, String source, String request, String problem,
      Throwable cause) {
    super(code, source, "datasource '" + source + "': " + request + ": " + problem, cause);
  }

  /** The error for an HTTP status the API answered. */
  static ErrorCode codeOf(int status) {
    if (status == 401 || status == 403) {
      return ErrorCode.INVALID_AUTHORIZATION;
    }
    return status == 429 || status / 100 == 5 ? ErrorCode.CONNECTION_FAILURE
        : ErrorCode.EXTERNAL_ROUTINE_EXCEPTION;
  }
}
