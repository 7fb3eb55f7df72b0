package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.adapter.execution.SourceCursor;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.model.RestCollectionConfig.ListStyle;
import io.jointure.model.RestCollectionConfig;
import io.jointure.model.Row;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One listing of an HTTP source, ready to run: the collection, the values its filtered columns
 * must equal (literals, or statement parameters resolved when it runs), the limit and sort the
 * API applies, and the columns to read. Generated code calls {@link #enumerable(DataContext)}.
 * Several values for a column become one list parameter (as the API declares) or one request
 * per value; those requests run side by side, at most the source's {@code maxConcurrency} at once.
 */
public final class RestQuery {
  private final RestSource source;
  private final RestCollection collection;
  private final RestScanSpec spec;
  private final boolean scalarRows;

  RestQuery(RestSource source, RestCollection collection, RestScanSpec spec,
      boolean scalarRows) {
    this.source = source;
    this.collection = collection;
    this.spec = spec;
    this.scalarRows = scalarRows;
  }

  /** Called by generated code. */
  public Enumerable<Object> enumerable(DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        Map<Integer, List<Object>> bound = boundValues(context);
        for (int i = 0; i < collection.keyColumns(); i++) {
          if (!bound.containsKey(i)) {
            throw new SourceFailure(ErrorCode.FEATURE_NOT_SUPPORTED, source.name(),
                "datasource '" + source.name() + "': the records of "
                + collection.name() + " are fetched per " + collection.columns().get(i).name()
                + " and cannot be listed whole; query them through their relation view, or"
                + " filter on " + collection.columns().get(i).name(), null);
          }
        }
        List<Map<Integer, List<Object>>> listings = fanOut(bound);
        if (listings.size() == 1 && (collection.endpoint()
            instanceof RestCollection.ApiCollection
            || collection.endpoint() instanceof RestCollection.GraphQlField)) {
          return streamed(listings.get(0), context); // pages fetched as rows are read
        }
        return Linq4j.enumerator(fetchAll(listings, QueryControl.of(context)));
      }
    };
  }

  /** The filtered columns' values, statement parameters included. */
  private Map<Integer, List<Object>> boundValues(DataContext context) {
    Map<Integer, List<Object>> bound = new LinkedHashMap<>();
    spec.filters().forEach((column, values) -> {
      List<Object> resolved = new ArrayList<>();
      for (RexNode value : values) {
        Object v = value instanceof RexDynamicParam param ? context.get("?" + param.getIndex())
            : literal((RexLiteral) value, type(column));
        if (v != null && collection.canMatch(column, v)) {
          resolved.add(v);
        }
      }
      bound.put(column, resolved);
    });
    return bound;
  }

  /**
   * One map of column values per request: columns the API takes a list for keep all their values
   * in one request; other columns with several values give one request per value.
   */
  private List<Map<Integer, List<Object>>> fanOut(Map<Integer, List<Object>> bound) {
    List<Map<Integer, List<Object>>> listings = new ArrayList<>();
    listings.add(new LinkedHashMap<>());
    for (Map.Entry<Integer, List<Object>> entry : bound.entrySet()) {
      int column = entry.getKey();
      List<Object> values = entry.getValue();
      ListStyle style = collection.listStyle(column);
      List<Map<Integer, List<Object>>> next = new ArrayList<>();
      for (Map<Integer, List<Object>> listing : listings) {
        if (values.isEmpty()) {
          return List.of(); // equal to NULL only: no record can match
        }
        // Many APIs decode a comma list before splitting it: a value holding a comma goes
        // alone in its own request.
        List<Object> together = new ArrayList<>();
        List<Object> alone = new ArrayList<>();
        for (Object value : values) {
          boolean comma = style == ListStyle.COMMA
              && JsonValues.parameterText(value, type(column)).contains(",");
          (style != ListStyle.NONE && !comma ? together : alone).add(value);
        }
        if (!together.isEmpty()) {
          Map<Integer, List<Object>> copy = new LinkedHashMap<>(listing);
          copy.put(column, together);
          next.add(copy);
        }
        for (Object value : alone) {
          Map<Integer, List<Object>> copy = new LinkedHashMap<>(listing);
          copy.put(column, List.of(value));
          next.add(copy);
        }
      }
      listings = next;
    }
    return listings;
  }

  /**
   * Runs the listings side by side and returns their rows, in listing order; a stopped query
   * stops them all.
   */
  private List<Object> fetchAll(List<Map<Integer, List<Object>>> listings,
      QueryControl control) {
    ExecutorCompletionService<List<Object>> done =
        new ExecutorCompletionService<>(source.executor());
    Map<Future<List<Object>>, Integer> order = new ConcurrentHashMap<>();
    for (int i = 0; i < listings.size(); i++) {
      Map<Integer, List<Object>> listing = listings.get(i);
      order.put(done.submit(() -> rows(listing, control)), i);
    }
    List<List<Object>> results = new ArrayList<>(Collections.nCopies(listings.size(), null));
    try (QueryControl.Registration abort =
        control.onStop(() -> order.keySet().forEach(f -> f.cancel(true)))) {
      // The first failure, whichever request it is, stops the others (they are interrupted).
      for (int i = 0; i < listings.size(); i++) {
        Future<List<Object>> finished = done.take();
        results.set(order.get(finished), finished.get());
      }
    } catch (CancellationException e) {
      throw control.failure();
    } catch (ExecutionException e) {
      order.keySet().forEach(f -> f.cancel(true));
      throw control.failureOr(
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e));
    } catch (InterruptedException e) {
      order.keySet().forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new SourceFailure(ErrorCode.QUERY_CANCELED, source.name(),
          "datasource '" + source.name() + "': interrupted", e);
    }
    List<Object> rows = new ArrayList<>();
    results.forEach(rows::addAll);
    return rows;
  }

  /** All rows of one listing. */
  private List<Object> rows(Map<Integer, List<Object>> listing, QueryControl control) {
    List<Object> rows = new ArrayList<>();
    RestCollection.Endpoint endpoint = collection.endpoint();
    if (endpoint instanceof RestCollection.ApiCollection
        || endpoint instanceof RestCollection.GraphQlField) {
      Iterator<JsonNode> pages = pages(listing, control);
      while (pages.hasNext()) {
        control.check();
        JsonNode record = pages.next();
        rows.add(row(listing, column -> jsonValue(record, column, null)));
      }
    } else if (endpoint instanceof RestCollection.UrlTemplate template) {
      RestUrl url = RestUrl.of(expand(template.template(), listing), source.secretParameters());
      for (JsonNode record : source.fetch(url, template.records(), control).records()) {
        rows.add(row(listing, column -> jsonValue(record, column, url)));
      }
    } else if (endpoint instanceof RestCollection.GraphQlDocument graphQl) {
      for (JsonNode record : GraphQlRequests.records(source, collection, graphQl, listing,
          control)) {
        rows.add(row(listing, column -> jsonValue(record, column, null)));
      }
    } else if (endpoint instanceof RestCollection.JavaFunction function) {
      Map<String, Object> keys = new LinkedHashMap<>();
      for (int i = 0; i < collection.keyColumns(); i++) {
        keys.put(collection.columns().get(i).name(),
            SqlValues.toJava(listing.get(i).get(0), type(i)));
      }
      control.check();
      List<Row> records = function.function().apply(new Row(keys));
      source.requestLog().record(new SourceRequest(source.name(), "call " + keys, List.of(),
          records == null ? 0 : records.size()));
      if (records != null) {
        for (Row record : records) {
          rows.add(row(listing, column -> javaValue(record, column)));
        }
      }
    }
    return rows;
  }

  /**
   * The pages of a listing of an API collection or GraphQL field, each fetched when the rows
   * before are read.
   */
  private Iterator<JsonNode> pages(Map<Integer, List<Object>> listing, QueryControl control) {
    long limit = spec.fetch() == null ? Long.MAX_VALUE : spec.fetch();
    if (collection.endpoint() instanceof RestCollection.GraphQlField) {
      return new GraphQlPages(source, collection, spec.projection(), listing, limit,
          spec.sortColumn(), spec.descending(), control);
    }
    RestCollection.ApiCollection api = (RestCollection.ApiCollection) collection.endpoint();
    RestCollectionConfig config = api.config();
    List<String[]> parameters = new ArrayList<>();
    listing.forEach((column, values) -> {
      RestCollectionConfig.RestFilter filter =
          config.filters().get(collection.columns().get(column).name());
      List<String> texts = values.stream().map(v -> JsonValues.parameterText(v, type(column)))
          .toList();
      if (filter.list() == ListStyle.COMMA) {
        parameters.add(new String[] {filter.parameter(), RestUrl.commaList(texts)});
      } else {
        texts.forEach(text -> parameters.add(new String[] {filter.parameter(), text}));
      }
    });
    if (spec.sortColumn() >= 0) {
      RestCollectionConfig.RestSort sort = config.sort().orElseThrow();
      parameters.add(new String[] {sort.parameter(), (spec.descending()
          ? sort.descendingPrefix() : "") + collection.columns().get(spec.sortColumn()).name()});
    }
    return new RecordPages(source, api, parameters, limit, control);
  }

  /**
   * A listing of an API collection, page by page as rows are read; each page's request is
   * logged as it is sent.
   */
  private Enumerator<Object> streamed(Map<Integer, List<Object>> listing, DataContext context) {
    return new SourceCursor(context) {
      private Iterator<JsonNode> pages;

      @Override
      protected void open() {
        pages = pages(listing, control);
      }

      @Override
      protected boolean advance() {
        return pages.hasNext();
      }

      @Override
      protected Object read() {
        JsonNode record = pages.next();
        return row(listing, column -> jsonValue(record, column, null));
      }

      @Override
      protected RuntimeException failure(Exception e) {
        return unchecked(e);
      }

      @Override
      protected void release() {
        // Nothing is held open between pages.
      }

      @Override
      protected void logRequest(long rows) {
        // Each page's request was logged as it was fetched.
      }
    };
  }

  /** A URL template with each {@code {column}} replaced by the listing's URL-encoded value. */
  private String expand(String template, Map<Integer, List<Object>> listing) {
    Matcher m = RestUrl.TEMPLATE_VARIABLE.matcher(template);
    StringBuilder url = new StringBuilder();
    while (m.find()) {
      int column = collection.columnIndex(m.group(1));
      String text = JsonValues.parameterText(listing.get(column).get(0), type(column));
      if (text.isEmpty()) {
        throw new SourceFailure(ErrorCode.INVALID_PARAMETER_VALUE, source.name(),
            "datasource '" + source.name() + "': the value of " + m.group(1) + " is empty, which"
            + " would change the URL's path; the record's requests need a non-empty "
            + m.group(1), null);
      }
      m.appendReplacement(url, Matcher.quoteReplacement(RestUrl.pathSegment(text)));
    }
    m.appendTail(url);
    return url.toString();
  }

  /**
   * An output row: key columns from the request (External relations), the others from the
   * record, read by {@code value}.
   */
  private Object row(Map<Integer, List<Object>> listing, IntFunction<Object> value) {
    Object[] row = new Object[spec.projection().size()];
    for (int i = 0; i < row.length; i++) {
      int column = spec.projection().get(i);
      row[i] = column < collection.keyColumns() ? listing.get(column).get(0)
          : value.apply(column);
    }
    return scalarRows ? row[0] : row;
  }

  /** A JSON record's value for a column, or an error naming the column and the request. */
  private Object jsonValue(JsonNode record, int column, RestUrl url) {
    RestColumn restColumn = collection.columns().get(column);
    try {
      return JsonValues.toInternal(JsonValues.at(record, restColumn.path()), restColumn.type());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(),
          url == null ? describe() : "GET " + url.shown(),
          "the response is not the declared shape: column " + restColumn.name() + ": "
              + e.getMessage() + "; fix the type in the model's schema", e);
    }
  }

  /** A Java function's record's value for a column. */
  private Object javaValue(Row record, int column) {
    String name = collection.columns().get(column).name();
    Object value = record.values().get(name);
    try {
      return SqlValues.toInternal(value, type(column));
    } catch (ClassCastException | NumberFormatException | ArithmeticException e) {
      throw new SourceFailure(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(),
          "the function of " + source.name() + " answered a " + value.getClass().getSimpleName()
              + " for " + name + ", declared " + type(column), e);
    }
  }

  private SqlTypeName type(int column) {
    return collection.columns().get(column).type().name();
  }

  /** A literal as Calcite's internal value for a column of this type. */
  private static Object literal(RexLiteral literal, SqlTypeName type) {
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          SqlValues.exactInteger(literal.getValueAs(BigDecimal.class), type);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case REAL -> literal.getValueAs(BigDecimal.class).floatValue();
      case DOUBLE, FLOAT -> literal.getValueAs(Double.class);
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case DATE -> literal.getValueAs(Integer.class);
      case TIME -> literal.getValueAs(Integer.class);
      case TIMESTAMP -> literal.getValueAs(Long.class);
      default -> literal.getValueAs(String.class);
    };
  }

  /**
   * This listing restricted to records whose key columns hold given values: one list-parameter
   * request per {@code maxKeysPerRequest} keys when the API takes lists for the one key column,
   * else one request per key; all side by side, bounded by the source's concurrency.
   */
  KeyLookup keyLookup(List<Integer> keyOutputColumns) {
    List<Integer> keyColumns = keyOutputColumns.stream().map(spec.projection()::get).toList();
    int perRequest = collection.keysPerRequest(keyColumns);
    return new KeyLookup() {
      @Override
      public Enumerable<Object> rowsWithKeys(DataContext context, List<Object[]> allKeys) {
        Map<Integer, List<Object>> bound = boundValues(context);
        // a key an enum argument cannot hold matches nothing, and the API would refuse it
        List<Object[]> keys = allKeys.stream().filter(key -> {
          for (int k = 0; k < keyColumns.size(); k++) {
            if (!collection.canMatch(keyColumns.get(k), key[k])) {
              return false;
            }
          }
          return true;
        }).toList();
        List<Map<Integer, List<Object>>> listings = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += perRequest) {
          List<Object[]> chunk = keys.subList(start, Math.min(keys.size(), start + perRequest));
          Map<Integer, List<Object>> listing = new LinkedHashMap<>(bound);
          for (int k = 0; k < keyColumns.size(); k++) {
            int index = k;
            listing.put(keyColumns.get(k), chunk.stream().map(key -> key[index]).toList());
          }
          listings.addAll(fanOut(listing));
        }
        return Linq4j.asEnumerable(fetchAll(listings, QueryControl.of(context)));
      }

      @Override
      public String describe() {
        List<String> names = keyColumns.stream()
            .map(c -> collection.columns().get(c).name()).toList();
        return RestQuery.this.describe(keyColumns) + " for each " + (perRequest > 1
            ? perRequest + " keys of " : "key of ") + String.join(", ", names);
      }
    };
  }

  /** The filtered (and key) columns with a stand-in value each (EXPLAIN shows no values). */
  private Map<Integer, List<Object>> placeholders(List<Integer> keyColumns) {
    Map<Integer, List<Object>> values = new LinkedHashMap<>();
    spec.filters().keySet().forEach(column -> values.put(column, List.of("?")));
    keyColumns.forEach(column -> values.put(column, List.of("?")));
    return values;
  }

  /** The requests this listing sends, for EXPLAIN: values shown as {@code ?}. */
  public String describe() {
    return describe(List.of());
  }

  /** The requests, with these (key) columns also sent as parameters. */
  private String describe(List<Integer> keyColumns) {
    StringBuilder text = new StringBuilder("GET ");
    RestCollection.Endpoint endpoint = collection.endpoint();
    if (endpoint instanceof RestCollection.ApiCollection api) {
      RestCollectionConfig config = api.config();
      RestUrl url = RestUrl.of(api.baseUrl() + config.path(), source.secretParameters());
      spec.filters().keySet().forEach(column -> url.add(config.filters().get(
          collection.columns().get(column).name()).parameter(), "?"));
      if (spec.sortColumn() >= 0) {
        RestCollectionConfig.RestSort sort = config.sort().orElseThrow();
        url.add(sort.parameter(), (spec.descending() ? sort.descendingPrefix() : "")
            + collection.columns().get(spec.sortColumn()).name());
      }
      text.append(url.shown().replace("%3F", "?"));
      if (spec.fetch() != null) {
        text.append(" (first ").append(spec.fetch()).append(" records)");
      }
      if (config.pagination().kind() != io.jointure.model.RestPagination.Kind.NONE) {
        text.append(" (").append(config.pagination().kind().name().toLowerCase(
            java.util.Locale.ROOT)).append(" pagination)");
      }
    } else if (endpoint instanceof RestCollection.GraphQlField) {
      // The document as sent, its arguments as variables: their values are not in it.
      GraphQlPages pages = new GraphQlPages(source, collection, spec.projection(),
          placeholders(keyColumns), spec.fetch() == null ? Long.MAX_VALUE : spec.fetch(),
          spec.sortColumn(), spec.descending(), null);
      text.replace(0, text.length(), "POST " + RestUrl.of(((RestCollection.GraphQlField)
          endpoint).url(), source.secretParameters()).shown() + " " + pages.document()
          + " variables " + pages.variablesShown());
      if (spec.fetch() != null) {
        text.append(" (first ").append(spec.fetch()).append(" records)");
      }
    } else if (endpoint instanceof RestCollection.UrlTemplate template) {
      text.append(template.template());
    } else if (endpoint instanceof RestCollection.GraphQlDocument graphQl) {
      text.replace(0, text.length(), "POST " + RestUrl.of(graphQl.url(),
          source.secretParameters()).shown() + " " + graphQl.document().strip()
          .replaceAll("\\s+", " ") + " variables {" + String.join(", ", collection.columns()
          .subList(0, collection.keyColumns()).stream().map(c -> c.name() + ": ?").toList())
          + "}");
    } else {
      text.replace(0, text.length(), "Java function of " + collection.columns()
          .subList(0, collection.keyColumns()).stream().map(RestColumn::name).toList());
    }
    return text.toString();
  }
}
