package io.jointure.demo.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a collection splits its records into pages, and how a response points to the next page. */
sealed interface Pagination {
  /** The records a request asks for: at most {@code size} of them from {@code offset}. */
  record Window(int offset, int size) {}

  Window window(QueryString query, int defaultSize, int maxSize);

  /** Where the response carries the next page's cursor or link, or null if it does not. */
  default String nextPointer() {
    return null;
  }

  /** The next page's cursor or link, or null on the last page. */
  default String next(QueryString query, String selfUrl, Window window, int total) {
    return null;
  }

  /** Page numbers from {@code firstPage}; a page past the end is empty. */
  record Pages(String pageParam, String sizeParam, int firstPage) implements Pagination {
    @Override
    public Window window(QueryString query, int defaultSize, int maxSize) {
      int size = size(query, sizeParam, defaultSize, maxSize);
      int page = intParam(query, pageParam, firstPage);
      if (page < firstPage) {
        throw new IllegalArgumentException(pageParam + " must be at least " + firstPage);
      }
      return new Window(clamp((long) (page - firstPage) * size), size);
    }
  }

  record Offsets(String offsetParam, String limitParam) implements Pagination {
    @Override
    public Window window(QueryString query, int defaultSize, int maxSize) {
      int offset = intParam(query, offsetParam, 0);
      if (offset < 0) {
        throw new IllegalArgumentException(offsetParam + " must not be negative");
      }
      return new Window(offset, size(query, limitParam, defaultSize, maxSize));
    }
  }

  /** An opaque cursor in the response, at {@code nextCursorPointer}, to send back for the next page. */
  record Cursors(String cursorParam, String limitParam, String nextCursorPointer) implements Pagination {
    @Override
    public Window window(QueryString query, int defaultSize, int maxSize) {
      String cursor = query.first(cursorParam);
      return new Window(cursor == null ? 0 : offsetOf(cursor), size(query, limitParam, defaultSize, maxSize));
    }

    @Override
    public String nextPointer() {
      return nextCursorPointer;
    }

    @Override
    public String next(QueryString query, String selfUrl, Window window, int total) {
      return hasNext(window, total) ? token(window) : null;
    }
  }

  /**
   * The absolute URL of the next page in the response, at {@code nextLinkPointer}: the request's
   * other parameters as sent, plus an opaque {@value #TOKEN}.
   */
  record NextLinks(String limitParam, String nextLinkPointer) implements Pagination {
    static final String TOKEN = "page_token";

    @Override
    public Window window(QueryString query, int defaultSize, int maxSize) {
      String token = query.first(TOKEN);
      return new Window(token == null ? 0 : offsetOf(token), size(query, limitParam, defaultSize, maxSize));
    }

    @Override
    public String nextPointer() {
      return nextLinkPointer;
    }

    @Override
    public String next(QueryString query, String selfUrl, Window window, int total) {
      if (!hasNext(window, total)) {
        return null;
      }
      String others = query.rawWithout(TOKEN);
      return selfUrl + "?" + (others.isEmpty() ? "" : others + "&") + TOKEN + "=" + token(window);
    }
  }

  private static boolean hasNext(Window window, int total) {
    return (long) window.offset() + window.size() < total;
  }

  /** The next page's offset, encoded so that clients cannot read it as a number. */
  private static String token(Window window) {
    String text = "offset:" + ((long) window.offset() + window.size());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int offsetOf(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        int offset = Integer.parseInt(text.substring("offset:".length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // Reported below, like any other token this server did not make.
    }
    throw new IllegalArgumentException("invalid page token: " + token);
  }

  /** The requested page size, {@code defaultSize} if absent, clamped to {@code maxSize}. */
  private static int size(QueryString query, String param, int defaultSize, int maxSize) {
    int size = intParam(query, param, defaultSize);
    if (size < 1) {
      throw new IllegalArgumentException(param + " must be positive");
    }
    return Math.min(size, maxSize);
  }

  private static int intParam(QueryString query, String param, int absent) {
    String value = query.first(param);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(param + " must be an integer: " + value);
    }
  }

  private static int clamp(long offset) {
    return (int) Math.min(offset, Integer.MAX_VALUE);
  }
}
