package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads a {@code type: graphql} datasource of a model. */
final class GraphQlModelReader {
  private static final Set<String> SOURCE_KEYS = Set.of("type", "url", "headers",
      "queryParameters", "timeoutSeconds", "maxRetries", "maxConcurrency", "depth", "scalars",
      "collections");
  private static final Set<String> COLLECTION_KEYS = Set.of("query", "hidden", "primaryKey",
      "rowCount");
  /** The SQL types a custom scalar may be read as. */
  private static final Set<String> SCALAR_TYPES = Set.of("VARCHAR", "INTEGER", "BIGINT",
      "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "DECIMAL");

  private final ModelLoader.Reader reader;

  GraphQlModelReader(ModelLoader.Reader reader) {
    this.reader = reader;
  }

  GraphQlDatasourceConfig datasource(String name, String path, JsonNode node)
      throws ModelException {
    reader.checkKeys(node, path, SOURCE_KEYS);
    String url = reader.optionalText(node, path, "url").orElseThrow(() -> reader.error(
        path + ".url", "missing; add the API's endpoint, e.g."
            + " `url: https://api.example.com/graphql`"));
    RestModelReader rest = new RestModelReader(reader);
    rest.httpUrl(path + ".url", url);
    Map<String, String> scalars = new LinkedHashMap<>();
    JsonNode scalarNode = node.get("scalars");
    if (scalarNode != null && !scalarNode.isNull()) {
      if (!scalarNode.isObject()) {
        throw reader.error(path + ".scalars", "must map custom scalars to SQL types, e.g."
            + " `scalars: { DateTime: TIMESTAMP, Decimal: DECIMAL(12,2) }`");
      }
      for (Iterator<String> it = scalarNode.fieldNames(); it.hasNext(); ) {
        String scalar = it.next();
        String type = reader.optionalText(scalarNode, path + ".scalars", scalar).orElse("");
        String base = type.replaceAll("\\(.*\\)$", "").strip().toUpperCase(java.util.Locale.ROOT);
        if (!SCALAR_TYPES.contains(base)) {
          throw reader.error(path + ".scalars." + scalar, "'" + type + "' is not a type a"
              + " scalar is read as; use one of " + String.join(", ", new java.util.TreeSet<>(
                  SCALAR_TYPES)));
        }
        scalars.put(scalar, type.strip());
      }
    }
    Map<String, GraphQlDatasourceConfig.GraphQlCollection> collections = new LinkedHashMap<>();
    JsonNode collectionsNode = node.get("collections");
    if (collectionsNode != null && !collectionsNode.isNull()) {
      if (!collectionsNode.isObject()) {
        throw reader.error(path + ".collections", "must map table names to their settings,"
            + " e.g. `collections: { books: { primaryKey: id } }`");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = collectionsNode.fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String at = path + ".collections." + entry.getKey();
        JsonNode c = entry.getValue();
        if (c == null || !c.isObject()) {
          throw reader.error(at, "must be a mapping, e.g. `{ query: books, primaryKey: id }`");
        }
        reader.checkKeys(c, at, COLLECTION_KEYS);
        JsonNode rowCount = c.get("rowCount");
        if (rowCount != null && !(rowCount.isNumber() && rowCount.asDouble() > 0)) {
          throw reader.error(at + ".rowCount", "must be a positive number of records");
        }
        collections.put(entry.getKey(), new GraphQlDatasourceConfig.GraphQlCollection(
            entry.getKey(), reader.optionalText(c, at, "query").orElse(entry.getKey()),
            c.has("hidden") && c.get("hidden").asBoolean(),
            reader.optionalText(c, at, "primaryKey"),
            rowCount == null ? OptionalDouble.empty() : OptionalDouble.of(rowCount.asDouble())));
      }
    }
    return new GraphQlDatasourceConfig(name, url, rest.http(node, path),
        reader.positiveInt(node, path, "depth", GraphQlDatasourceConfig.DEFAULT_DEPTH),
        Map.copyOf(scalars), java.util.Collections.unmodifiableMap(collections));
  }
}
