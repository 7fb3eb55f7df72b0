package io.jointure.demo.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records a {@link JsonApiServer} serves on one path, and how GET answers: filtered, then
 * sorted, then capped, then paginated, as the query parameters declared here ask. Other query
 * parameters are ignored, as real APIs do. Configure it before sending requests.
 */
public final class ApiCollection {
  /** How a list filter parameter carries several values. */
  public enum ListStyle {
    /** {@code ?id=1,2,3}; each value is decoded after the split, so "%2C" stays inside a value. */
    COMMA,
    /** {@code ?id=1&id=2}. */
    REPEATED
  }

  /** Keeps records whose field, as text, is one of the parameter's values; a null style takes one value. */
  private record Filter(String field, ListStyle style) {}

  private final ObjectMapper mapper;
  private final List<Map<String, Object>> records;
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();
  // Volatile: configured on the test's thread, read on the server's.
  private volatile String envelope;
  private volatile Pagination pagination;
  private volatile int defaultPageSize = 25;
  private volatile int maxPageSize = 100;
  private volatile String sortParam;
  private volatile String limitParam;

  ApiCollection(ObjectMapper mapper, List<Map<String, Object>> records) {
    this.mapper = mapper;
    this.records = List.copyOf(records);
  }

  /** Places the records at this JSON pointer in a response object, e.g. "/data" or "/result/items". */
  public ApiCollection envelope(String jsonPointer) {
    this.envelope = inside(jsonPointer);
    return this;
  }

  public ApiCollection pagePagination(String pageParam, String sizeParam, int firstPage) {
    return paginate(new Pagination.Pages(pageParam, sizeParam, firstPage));
  }

  public ApiCollection offsetPagination(String offsetParam, String limitParam) {
    return paginate(new Pagination.Offsets(offsetParam, limitParam));
  }

  /** Needs an {@link #envelope}: the opaque next cursor goes at {@code nextCursorPointer}, null on the last page. */
  public ApiCollection cursorPagination(String cursorParam, String limitParam, String nextCursorPointer) {
    return paginate(new Pagination.Cursors(cursorParam, limitParam, inside(nextCursorPointer)));
  }

  /**
   * Needs an {@link #envelope}: the next page's absolute URL goes at {@code nextLinkPointer}, null
   * on the last page; it keeps the other query parameters and adds an opaque {@code page_token}.
   */
  public ApiCollection nextLinkPagination(String limitParam, String nextLinkPointer) {
    return paginate(new Pagination.NextLinks(limitParam, inside(nextLinkPointer)));
  }

  private ApiCollection paginate(Pagination pagination) {
    if (this.pagination != null) {
      throw new IllegalStateException("already paginated: " + this.pagination);
    }
    this.pagination = pagination;
    return this;
  }

  /** The page size when the request gives none (default 25). */
  public ApiCollection defaultPageSize(int size) {
    this.defaultPageSize = positive(size);
    return this;
  }

  /** The largest page size; a larger request is clamped (default 100). */
  public ApiCollection maxPageSize(int size) {
    this.maxPageSize = positive(size);
    return this;
  }

  /** Keeps records whose field, as text ("2" for 2.0), equals the parameter's (first) value. */
  public ApiCollection filterParam(String param, String field) {
    return filter(param, new Filter(field, null));
  }

  /** Keeps records whose field, as text, equals one of the parameter's values. */
  public ApiCollection listFilterParam(String param, String field, ListStyle style) {
    return filter(param, new Filter(field, Objects.requireNonNull(style)));
  }

  private ApiCollection filter(String param, Filter filter) {
    // A parameter may be both a single and a list filter on one field: the list reading covers one value too.
    filters.merge(param, filter, (old, added) -> {
      if (!old.field().equals(added.field())
          || old.style() != null && added.style() != null && old.style() != added.style()) {
        throw new IllegalArgumentException(param + " is already " + old);
      }
      return old.style() != null ? old : added;
    });
    return this;
  }

  /** Sorts on {@code field} ascending or {@code -field} descending; several keys separated by commas. */
  public ApiCollection sortParam(String param) {
    this.sortParam = param;
    return this;
  }

  /** Caps how many records a response carries in all (before any pagination). */
  public ApiCollection limitParam(String param) {
    this.limitParam = param;
    return this;
  }

  /** The response body for a GET with this query; {@code selfUrl} is the request's URL without query. */
  JsonNode answer(QueryString query, String selfUrl) {
    String envelope = this.envelope;
    Pagination pagination = this.pagination;
    if (pagination != null && pagination.nextPointer() != null && envelope == null) {
      throw new IllegalStateException(pagination + " needs an envelope to carry the next page");
    }
    List<Map<String, Object>> selected = select(query);
    int total = selected.size();
    Pagination.Window window = pagination == null
        ? new Pagination.Window(0, total)
        : pagination.window(query, defaultPageSize, maxPageSize);
    int from = Math.min(window.offset(), total);
    int to = (int) Math.min((long) from + window.size(), total);
    JsonNode items = mapper.valueToTree(selected.subList(from, to));
    if (envelope == null) {
      return items;
    }
    ObjectNode response = mapper.createObjectNode();
    put(response, envelope, items);
    if (pagination != null && pagination.nextPointer() != null) {
      String next = pagination.next(query, selfUrl, window, total);
      put(response, pagination.nextPointer(), next == null ? NullNode.getInstance() : TextNode.valueOf(next));
    }
    return response;
  }

  /** The records that the filters keep, sorted and capped. */
  private List<Map<String, Object>> select(QueryString query) {
    List<Map<String, Object>> selected = new ArrayList<>(records);
    filters.forEach((param, filter) -> {
      List<String> values = values(query, param, filter.style());
      if (!values.isEmpty()) {
        selected.removeIf(r -> {
          String text = Values.text(r.get(filter.field()));
          return text == null || !values.contains(text); // List.of(...).contains(null) throws
        });
      }
    });
    String sort = sortParam == null ? null : query.first(sortParam);
    if (sort != null) {
      selected.sort(order(sort)); // List.sort is stable
    }
    String limit = limitParam == null ? null : query.first(limitParam);
    if (limit != null) {
      int cap;
      try {
        cap = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(limitParam + " must be an integer: " + limit);
      }
      if (cap < 0) {
        throw new IllegalArgumentException(limitParam + " must not be negative");
      }
      return selected.subList(0, Math.min(cap, selected.size()));
    }
    return selected;
  }

  private static List<String> values(QueryString query, String param, ListStyle style) {
    if (style == null) {
      String value = query.first(param);
      return value == null ? List.of() : List.of(value);
    }
    if (style == ListStyle.REPEATED) {
      return query.all(param);
    }
    List<String> values = new ArrayList<>();
    for (String raw : query.rawValues(param)) {
      for (String part : raw.split(",", -1)) {
        values.add(QueryString.decode(part));
      }
    }
    return values;
  }

  /** Ascending puts nulls last; descending is its exact reverse, so nulls first. */
  private static Comparator<Map<String, Object>> order(String sort) {
    Comparator<Map<String, Object>> order = null;
    for (String key : sort.split(",", -1)) {
      boolean descending = key.startsWith("-");
      String field = descending ? key.substring(1) : key;
      if (field.isEmpty()) {
        throw new IllegalArgumentException("empty sort key in " + sort);
      }
      Comparator<Map<String, Object>> one =
          Comparator.comparing(r -> Values.sortKey(r.get(field)), Comparator.nullsLast(Values.ORDER));
      if (descending) {
        one = one.reversed();
      }
      order = order == null ? one : order.thenComparing(one);
    }
    return order;
  }

  private static void put(ObjectNode response, String pointer, JsonNode value) {
    JsonPointer at = JsonPointer.compile(pointer);
    response.withObject(at.head()).set(at.last().getMatchingProperty(), value);
  }

  /** A valid JSON pointer below the response's root. */
  private static String inside(String pointer) {
    if (JsonPointer.compile(pointer).matches()) {
      throw new IllegalArgumentException("a pointer inside the response, not its root: " + pointer);
    }
    return pointer;
  }

  private static int positive(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a page size must be positive: " + size);
    }
    return size;
  }
}
