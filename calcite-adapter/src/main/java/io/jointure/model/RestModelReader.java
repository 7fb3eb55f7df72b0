package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.model.RestCollectionConfig.ListStyle;
import io.jointure.model.RestCollectionConfig.RestFilter;
import io.jointure.model.RestCollectionConfig.RestSort;
import io.jointure.sql.errors.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the REST parts of a model: {@code type: rest} datasources with their collections, and
 * {@code type: External} relations. Shares the model reader's checks and messages.
 */
final class RestModelReader {
  private static final Set<String> SOURCE_KEYS = Set.of("type", "baseUrl", "headers",
      "queryParameters", "timeoutSeconds", "maxRetries", "maxConcurrency", "sampleSize",
      "collections");
  private static final Set<String> COLLECTION_KEYS = Set.of("path", "records", "schema",
      "pagination", "filters", "limitParameter", "sort", "primaryKey", "rowCount",
      "maxKeysPerRequest");
  private static final Set<String> PAGINATION_KEYS = Set.of("type", "pageParameter",
      "offsetParameter", "cursorParameter", "sizeParameter", "limitParameter", "size",
      "firstPage", "nextCursor", "nextLink");
  private static final Set<String> FILTER_KEYS = Set.of("parameter", "list");
  private static final Set<String> SORT_KEYS = Set.of("parameter", "descendingPrefix",
      "columns");
  /** A URL template's variables: {@code {id}}. */
  static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^{}]+)}");
  /** A variable's declaration in a GraphQL operation: {@code $id: ID!}. */
  static final Pattern GRAPHQL_VARIABLE = Pattern.compile("\\$([_A-Za-z][_0-9A-Za-z]*)\\s*:");

  private final ModelLoader.Reader reader;

  RestModelReader(ModelLoader.Reader reader) {
    this.reader = reader;
  }

  RestDatasourceConfig datasource(String name, String path, JsonNode node)
      throws ModelException {
    reader.checkKeys(node, path, SOURCE_KEYS);
    String baseUrl = reader.optionalText(node, path, "baseUrl").orElseThrow(() -> reader.error(
        path + ".baseUrl", "missing; add the API's address, e.g. `baseUrl: https://api.example.com`"));
    httpUrl(path + ".baseUrl", baseUrl);
    JsonNode collections = node.get("collections");
    if (collections == null || !collections.isObject() || collections.isEmpty()) {
      throw reader.error(path + ".collections", "declare the API's collections, e.g."
          + " `collections: { payments: { path: /payments, records: /data } }`");
    }
    Map<String, RestCollectionConfig> byName = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byName.put(entry.getKey(), collection(entry.getKey(),
          path + ".collections." + entry.getKey(), entry.getValue()));
    }
    return new RestDatasourceConfig(name, baseUrl.replaceAll("/+$", ""), http(node, path),
        reader.positiveInt(node, path, "sampleSize", RestDatasourceConfig.DEFAULT_SAMPLE_SIZE),
        byName);
  }

  /** The request settings of an HTTP API's datasource node (REST or GraphQL). */
  RestDatasourceConfig.HttpSettings http(JsonNode node, String path)
      throws ModelException {
    RestDatasourceConfig.HttpSettings defaults = RestDatasourceConfig.HttpSettings.defaults();
    return new RestDatasourceConfig.HttpSettings(textMap(node, path, "headers"),
        textMap(node, path, "queryParameters"),
        Duration.ofSeconds(reader.positiveInt(node, path, "timeoutSeconds",
            (int) defaults.timeout().toSeconds())),
        nonNegativeInt(node, path, "maxRetries", defaults.maxRetries()),
        reader.positiveInt(node, path, "maxConcurrency", defaults.maxConcurrency()));
  }

  private RestCollectionConfig collection(String name, String path, JsonNode node)
      throws ModelException {
    if (node == null || !node.isObject()) {
      throw reader.error(path, "must be a mapping like `{ path: /payments, records: /data }`");
    }
    reader.checkKeys(node, path, COLLECTION_KEYS);
    String apiPath = reader.optionalText(node, path, "path").orElseThrow(() -> reader.error(
        path + ".path", "missing; add the collection's path after baseUrl, e.g. `path: /payments`"));
    if (!apiPath.startsWith("/")) {
      throw reader.error(path + ".path", "'" + apiPath + "' must start with /");
    }
    String records = pointer(node, path, "records");
    Optional<List<DeclaredColumn>> schema = node.has("schema")
        ? Optional.of(reader.schemaColumns(path + ".schema", node.get("schema")))
        : Optional.empty();
    Map<String, RestFilter> filters = filters(node.get("filters"), path + ".filters");
    Optional<RestSort> sort = Optional.empty();
    JsonNode sortNode = node.get("sort");
    if (sortNode != null && !sortNode.isNull()) {
      if (!sortNode.isObject()) {
        throw reader.error(path + ".sort", "must be a mapping like `{ parameter: sort,"
            + " descendingPrefix: \"-\" }`");
      }
      reader.checkKeys(sortNode, path + ".sort", SORT_KEYS);
      List<String> columns = reader.stringList(sortNode, path + ".sort", "columns");
      if (columns.isEmpty()) {
        throw reader.error(path + ".sort.columns", "list the columns the API sorts as SQL does"
            + " (numbers, dates; text only if it compares text byte by byte), e.g."
            + " `columns: [amount, created_at]`");
      }
      sort = Optional.of(new RestSort(required(sortNode, path + ".sort", "parameter"),
          reader.optionalText(sortNode, path + ".sort", "descendingPrefix").orElse("-"),
          List.copyOf(columns)));
    }
    OptionalLong rowCount = node.has("rowCount")
        ? OptionalLong.of(reader.positiveInt(node, path, "rowCount", 1)) : OptionalLong.empty();
    return new RestCollectionConfig(name, apiPath, records, schema,
        pagination(node.get("pagination"), path + ".pagination"), filters,
        reader.optionalText(node, path, "limitParameter"), sort,
        reader.optionalText(node, path, "primaryKey"), rowCount,
        reader.positiveInt(node, path, "maxKeysPerRequest",
            RestCollectionConfig.DEFAULT_MAX_KEYS_PER_REQUEST), path);
  }

  private RestPagination pagination(JsonNode node, String path) throws ModelException {
    if (node == null || node.isNull()) {
      return RestPagination.none();
    }
    if (!node.isObject()) {
      throw reader.error(path, "must be a mapping like `{ type: page, pageParameter: page,"
          + " sizeParameter: per_page }`");
    }
    reader.checkKeys(node, path, PAGINATION_KEYS);
    String type = required(node, path, "type");
    int size = reader.positiveInt(node, path, "size", RestPagination.DEFAULT_SIZE);
    return switch (type) {
      case "page" -> new RestPagination(RestPagination.Kind.PAGE,
          reader.optionalText(node, path, "pageParameter").orElse("page"),
          reader.optionalText(node, path, "sizeParameter").orElse(null), size,
          nonNegativeInt(node, path, "firstPage", 1), null);
      case "offset" -> new RestPagination(RestPagination.Kind.OFFSET,
          reader.optionalText(node, path, "offsetParameter").orElse("offset"),
          reader.optionalText(node, path, "limitParameter").orElse("limit"), size, 0, null);
      case "cursor" -> new RestPagination(RestPagination.Kind.CURSOR,
          reader.optionalText(node, path, "cursorParameter").orElse("cursor"),
          reader.optionalText(node, path, "limitParameter").orElse(null), size, 0,
          requiredPointer(node, path, "nextCursor", "/meta/next_cursor"));
      case "nextLink" -> new RestPagination(RestPagination.Kind.NEXT_LINK, null,
          reader.optionalText(node, path, "limitParameter").orElse(null), size, 0,
          requiredPointer(node, path, "nextLink", "/links/next"));
      default -> throw reader.error(path + ".type", "unknown pagination '" + type + "'"
          + Suggestions.didYouMean(type, List.of("page", "offset", "cursor", "nextLink"))
          + "; use page, offset, cursor or nextLink");
    };
  }

  private Map<String, RestFilter> filters(JsonNode node, String path) throws ModelException {
    Map<String, RestFilter> filters = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return filters;
    }
    if (!node.isObject()) {
      throw reader.error(path, "must be a mapping of columns to `{ parameter: customer_id,"
          + " list: comma }`");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String filterPath = path + "." + entry.getKey();
      JsonNode filter = entry.getValue();
      if (filter == null || !filter.isObject()) {
        throw reader.error(filterPath, "must be a mapping like `{ parameter: customer_id }`");
      }
      reader.checkKeys(filter, filterPath, FILTER_KEYS);
      String list = reader.optionalText(filter, filterPath, "list").orElse("none");
      ListStyle style;
      try {
        style = ListStyle.valueOf(list.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw reader.error(filterPath + ".list", "unknown list style '" + list
            + "'; use comma (?id=1,2,3), repeated (?id=1&id=2) or none (one value per request)");
      }
      filters.put(entry.getKey(), new RestFilter(entry.getKey(),
          reader.optionalText(filter, filterPath, "parameter").orElse(entry.getKey()), style));
    }
    return filters;
  }

  /** An External relation: a URL template over the origin's columns, and the records' schema. */
  RelationConfig externalRelation(String origin, String name, String path, JsonNode node)
      throws ModelException {
    List<DeclaredColumn> schema = reader.schemaColumns(path + ".schema", node.get("schema"));
    Optional<String> url = reader.optionalText(node, path, "url");
    Optional<String> graphQl = reader.optionalText(node, path, "query");
    List<String> keys = new ArrayList<>();
    if (graphQl.isPresent()) {
      if (url.isEmpty()) {
        throw reader.error(path + ".url", "missing; give the GraphQL API's endpoint the query"
            + " is POSTed to, e.g. `url: https://api.example.com/graphql`");
      }
      httpUrl(path + ".url", url.get());
      keys.addAll(names(GRAPHQL_VARIABLE, graphQl.get()));
      if (keys.isEmpty()) {
        throw reader.error(path + ".query", "declares no variable; the origin's columns are the"
            + " query's variables, e.g. `query: \"query($id: ID!) { library(id: $id) { name }"
            + " }\"`");
      }
    } else if (url.isPresent()) {
      keys.addAll(names(TEMPLATE_VARIABLE, url.get()));
      if (keys.isEmpty()) {
        throw reader.error(path + ".url", "the URL names no origin column; put the columns the"
            + " records depend on in braces, e.g. https://api.mytown.com/cities/{id}/citizens");
      }
      httpUrl(path + ".url", TEMPLATE_VARIABLE.matcher(url.get()).replaceAll("x"));
    } else {
      // Declared in Java (ModelBuilder), with a function of these columns instead of a URL.
      keys.addAll(reader.stringList(node, path, "dependencies"));
      if (keys.isEmpty()) {
        throw reader.error(path + ".url", "missing; give the URL template the records come"
            + " from, e.g. `url: \"https://api.mytown.com/cities/{id}/honorary-citizen\"`");
      }
    }
    ExternalTarget target = new ExternalTarget(List.copyOf(keys), schema, url, graphQl,
        pointer(node, path, "records"), http(node, path), Optional.empty());
    return new RelationConfig(origin, name, RelationKind.External,
        url.orElse("java:" + name), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(),
        reader.optionalText(node, path, "view"), path, Optional.of(target));
  }

  /** The origin columns a template or document names ({@code {id}}, {@code $id: ID!}), once each. */
  private static List<String> names(Pattern variable, String text) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Matcher m = variable.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return List.copyOf(names);
  }

  private String required(JsonNode node, String path, String key) throws ModelException {
    return reader.optionalText(node, path, key).orElseThrow(() -> reader.error(path + "." + key,
        "missing"));
  }

  /** A JSON pointer ({@code /data/items}); {@code ""} when absent (the response itself). */
  private String pointer(JsonNode node, String path, String key) throws ModelException {
    String pointer = reader.optionalText(node, path, key).orElse("");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw reader.error(path + "." + key, "'" + pointer + "' is not a JSON pointer; write it"
          + " like /data or /result/items (\"\" for the whole response)");
    }
    return pointer;
  }

  private String requiredPointer(JsonNode node, String path, String key, String example)
      throws ModelException {
    String pointer = pointer(node, path, key);
    if (pointer.isEmpty()) {
      throw reader.error(path + "." + key, "missing; give the JSON pointer to it in a response,"
          + " e.g. `" + key + ": " + example + "`");
    }
    return pointer;
  }

  private Map<String, String> textMap(JsonNode node, String path, String key)
      throws ModelException {
    JsonNode map = node.get(key);
    Map<String, String> values = new LinkedHashMap<>();
    if (map == null || map.isNull()) {
      return values;
    }
    if (!map.isObject()) {
      throw reader.error(path + "." + key, "must be a mapping of names to values, e.g."
          + " `" + key + ": { Authorization: \"Bearer ${env:API_TOKEN}\" }`");
    }
    for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      values.put(name, reader.optionalText(map, path + "." + key, name).orElse(""));
    }
    return Map.copyOf(values);
  }

  private int nonNegativeInt(JsonNode node, String path, String key, int fallback)
      throws ModelException {
    JsonNode raw = node.get(key);
    if (raw != null && raw.isIntegralNumber() && raw.asInt() == 0) {
      return 0;
    }
    return reader.positiveInt(node, path, key, fallback);
  }

  void httpUrl(String path, String url) throws ModelException {
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw reader.error(path, "'" + url + "' is not an http:// or https:// URL");
      }
    } catch (URISyntaxException e) {
      throw reader.error(path, "'" + url + "' is not a valid URL: " + e.getReason());
    }
  }
}
