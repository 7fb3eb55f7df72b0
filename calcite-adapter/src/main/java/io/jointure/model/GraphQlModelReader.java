package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads a {@code type: graphql} datasource of a model. */
final class GraphQlModelReader {
  private static final Set<String> SOURCE_KEYS = Set.of("type", "url", "headers",
      "queryParameters", "timeoutSeconds", "maxRetries", "maxConcurrency", "depth", "scalars",
      "collections");
  private static final Set<String> COLLECTION_KEYS = Set.of("query", "hidden", "primaryKey",
      "rowCount", "arguments", "orderBy", "records", "schema", "maxKeysPerRequest");
  private static final Set<String> ORDER_BY_KEYS = Set.of("argument", "ascending", "descending",
      "columns");
  /** The SQL types a custom scalar may be read as. */
  private static final Set<String> SCALAR_TYPES = Set.of("VARCHAR", "INTEGER", "BIGINT",
      "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "DECIMAL");

  /** A GraphQL name. */
  private static final String NAME = "[_A-Za-z][_0-9A-Za-z]*";

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
        // The query field and the declared columns are written into documents: GraphQL names.
        String query = reader.optionalText(c, at, "query").orElse(entry.getKey());
        if (!query.matches(NAME)) {
          throw reader.error(at + ".query", "'" + query + "' is not a GraphQL field name; name"
              + " the root Query field the table lists, e.g. `query: books`");
        }
        List<DeclaredColumn> schema = c.has("schema")
            ? reader.schemaColumns(at + ".schema", c.get("schema")) : List.of();
        for (DeclaredColumn column : schema) {
          if (!column.name().matches(NAME + "(\\." + NAME + ")*")) {
            throw reader.error(at + ".schema." + column.name(), "is not a GraphQL field name,"
                + " or names of nested fields with dots (author.name)");
          }
        }
        if (schema.isEmpty() && c.has("records")) {
          throw reader.error(at + ".records", "needs the table's columns: declare them with"
              + " `schema: { id: VARCHAR, ... }` (records: is for tables declared by hand)");
        }
        GraphQlDatasourceConfig.GraphQlCollection listed = schema.isEmpty()
            ? collections.values().stream().filter(o -> !o.declared() && o.query().equals(query))
                .findFirst().orElse(null) : null;
        if (listed != null) {
          throw reader.error(at + ".query", "the field " + query + " is already the table "
              + listed.name() + "; a field is one table (declare a schema: for another view"
              + " of it)");
        }
        collections.put(entry.getKey(), new GraphQlDatasourceConfig.GraphQlCollection(
            entry.getKey(), query, c.has("hidden") && c.get("hidden").asBoolean(),
            reader.optionalText(c, at, "primaryKey"),
            rowCount == null ? OptionalDouble.empty() : OptionalDouble.of(rowCount.asDouble()),
            arguments(c, at), orderBy(c, at), records(c, at), schema,
            reader.positiveInt(c, at, "maxKeysPerRequest",
                RestCollectionConfig.DEFAULT_MAX_KEYS_PER_REQUEST)));
      }
    }
    return new GraphQlDatasourceConfig(name, url, rest.http(node, path),
        reader.positiveInt(node, path, "depth", GraphQlDatasourceConfig.DEFAULT_DEPTH),
        Map.copyOf(scalars), java.util.Collections.unmodifiableMap(collections));
  }

  /** {@code arguments: { author.id: filter.authorId }}: column to argument path. */
  private Map<String, String> arguments(JsonNode collection, String at) throws ModelException {
    JsonNode node = collection.get("arguments");
    Map<String, String> arguments = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw reader.error(at + ".arguments", "must map columns to the arguments that filter"
          + " them, e.g. `arguments: { author.id: filter.authorId }`");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String column = it.next();
      String argument = reader.optionalText(node, at + ".arguments", column).orElse("");
      if (!argument.matches(NAME + "(\\." + NAME + ")*(\\s*:\\s*[\\[\\]!_0-9A-Za-z]+)?")) {
        throw reader.error(at + ".arguments." + column, "'" + argument + "' is not an"
            + " argument's path; write the field's argument, then the input fields down to"
            + " the value, with dots, e.g. filter.authorId or where.id._in, and its GraphQL"
            + " type after a colon where the API does not tell it (filter.authorId: ID)");
      }
      arguments.put(column, argument);
    }
    return Map.copyOf(arguments);
  }

  /** {@code records: edges.node}: dotted names from the field's value to the records. */
  private String records(JsonNode collection, String at) throws ModelException {
    String records = reader.optionalText(collection, at, "records").orElse("");
    if (!records.isEmpty() && !records.matches(NAME + "(\\." + NAME + ")*")) {
      throw reader.error(at + ".records", "'" + records + "' is not a path of fields; write"
          + " the fields from the query field's value down to the records, with dots, e.g."
          + " edges.node or results");
    }
    return records;
  }

  /**
   * {@code orderBy: { argument: orderBy, ascending: {field: "{COLUMN}", direction: ASC},
   * descending: ..., columns: [title] }}.
   */
  private Optional<GraphQlDatasourceConfig.GraphQlOrderBy> orderBy(JsonNode collection,
      String at) throws ModelException {
    JsonNode node = collection.get("orderBy");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String path = at + ".orderBy";
    if (!node.isObject()) {
      throw reader.error(path, "must say how the API orders records, e.g. `orderBy: {"
          + " argument: orderBy, ascending: {field: \"{COLUMN}\", direction: ASC},"
          + " descending: {field: \"{COLUMN}\", direction: DESC}, columns: [title] }`");
    }
    reader.checkKeys(node, path, ORDER_BY_KEYS);
    String argument = reader.optionalText(node, path, "argument").orElseThrow(() ->
        reader.error(path + ".argument", "missing; name the field's ordering argument, e.g."
            + " `argument: orderBy`"));
    if (!argument.matches(NAME)) {
      throw reader.error(path + ".argument", "'" + argument + "' is not a GraphQL argument"
          + " name; name the field's ordering argument, e.g. `argument: orderBy`");
    }
    List<String> columns = reader.stringList(node, path, "columns");
    if (columns.isEmpty()) {
      throw reader.error(path + ".columns", "missing; list the columns the API orders as SQL"
          + " does (NULLs last ascending, first descending), e.g. `columns: [title, pages]`");
    }
    return Optional.of(new GraphQlDatasourceConfig.GraphQlOrderBy(argument,
        template(node, path, "ascending"), template(node, path, "descending"), columns));
  }

  private String template(JsonNode node, String path, String key) throws ModelException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw reader.error(path + "." + key, "missing; give the argument's value, with {column}"
          + " or {COLUMN} for the column, e.g. `" + key + ": {field: \"{COLUMN}\", direction: "
          + (key.equals("ascending") ? "ASC" : "DESC") + "}`");
    }
    String text = value.toString();
    if (!text.contains("{column}") && !text.contains("{COLUMN}")) {
      throw reader.error(path + "." + key, "names no column; write {column} (the name) or"
          + " {COLUMN} (upper snake case) where the column goes");
    }
    return text;
  }
}
