package io.jointure.adapter.rest;

import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.rest.GraphQlTypes.Field;
import io.jointure.adapter.rest.GraphQlTypes.Ref;
import io.jointure.adapter.rest.GraphQlTypes.Type;
import io.jointure.model.DeclaredType;
import io.jointure.model.GraphQlDatasourceConfig;
import io.jointure.model.RestCollectionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The tables of a GraphQL API, from its introspected types: each root Query field that returns
 * a list of objects, or a Relay connection of them, is a table named after the field (unless the
 * model renames or hides it). An object's scalar and enum fields are its columns; nested objects
 * give dotted columns ({@code author.name}) down to the datasource's depth; lists of scalars are
 * arrays; non-null types are NOT NULL columns. An argument named as a column
 * ({@code libraryId}, {@code format}), or as its plural taking a list ({@code ids} for
 * {@code id}), filters that column.
 */
final class GraphQlCollections {
  private GraphQlCollections() {
  }

  static Map<String, RestCollection> of(GraphQlTypes types, GraphQlDatasourceConfig config) {
    Map<String, GraphQlDatasourceConfig.GraphQlCollection> byQuery = new LinkedHashMap<>();
    config.collections().values().forEach(c -> byQuery.put(c.query(), c));
    Map<String, RestCollection> tables = new LinkedHashMap<>();
    for (Field field : types.queryFields()) {
      GraphQlDatasourceConfig.GraphQlCollection settings = byQuery.get(field.name());
      if (settings != null && settings.hidden()) {
        continue;
      }
      RestCollection table = table(types, config, field,
          settings == null ? field.name() : settings.name(), settings);
      if (table != null) {
        tables.put(table.name(), table);
      }
    }
    return tables;
  }

  /** The table of one Query field, or null when it returns no list of objects. */
  private static RestCollection table(GraphQlTypes types, GraphQlDatasourceConfig config,
      Field field, String name, GraphQlDatasourceConfig.GraphQlCollection settings) {
    Ref returned = field.type();
    Type records;
    boolean relay = false;
    if (returned.isList()) {
      records = types.type(returned.named().name());
    } else {
      Type connection = types.type(returned.named().name());
      Field edges = connection == null ? null : connection.fields().get("edges");
      Type edge = edges == null || !edges.type().isList() ? null
          : types.type(edges.type().named().name());
      Field node = edge == null ? null : edge.fields().get("node");
      if (node == null || !connection.fields().containsKey("pageInfo")) {
        return null;
      }
      records = types.type(node.type().named().name());
      relay = true;
    }
    if (records == null || !records.kind().equals("OBJECT")) {
      return null;
    }
    List<RestColumn> columns = new ArrayList<>();
    columns(types, config, records, "", 1, columns);
    if (columns.isEmpty()) {
      return null;
    }
    Map<String, RestCollection.GraphQlArgument> arguments = new LinkedHashMap<>();
    for (Map.Entry<String, Ref> argument : field.arguments().entrySet()) {
      String argumentName = argument.getKey();
      Ref type = argument.getValue();
      if (!isLeaf(types, type.named())) {
        continue;
      }
      boolean list = type.isList();
      String column = list && argumentName.endsWith("s")
          ? argumentName.substring(0, argumentName.length() - 1) : argumentName;
      if (columns.stream().anyMatch(c -> c.name().equals(column))
          && !arguments.containsKey(column)) {
        arguments.put(column, new RestCollection.GraphQlArgument(argumentName, type.text(),
            list));
      }
    }
    RestCollection.GraphQlPaging paging = paging(field.arguments().keySet(), relay);
    Optional<String> primaryKey = settings != null && settings.primaryKey().isPresent()
        ? settings.primaryKey()
        : columns.stream().filter(c -> c.name().equals("id") && c.notNull()).findFirst()
            .map(RestColumn::name);
    double rowCount = settings != null && settings.rowCount().isPresent()
        ? settings.rowCount().getAsDouble() : RestCollectionConfig.DEFAULT_ROW_COUNT;
    return new RestCollection(name, List.copyOf(columns), 0, new RestCollection.GraphQlField(
        config.url(), field.name(), paging, Map.copyOf(arguments)), rowCount, primaryKey);
  }

  /** How a field pages, from its arguments' names. */
  private static RestCollection.GraphQlPaging paging(java.util.Set<String> arguments,
      boolean relay) {
    if (relay && arguments.contains("first") && arguments.contains("after")) {
      return new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.RELAY, "first",
          "after");
    }
    String size = arguments.contains("limit") ? "limit" : arguments.contains("first") ? "first"
        : arguments.contains("take") ? "take" : null;
    String offset = arguments.contains("offset") ? "offset" : arguments.contains("skip") ? "skip"
        : null;
    if (size != null && offset != null && !relay) {
      return new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.OFFSET, size,
          offset);
    }
    return size != null ? new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.SIZE,
        size, null) : new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.ONE,
        null, null);
  }

  private static boolean isLeaf(GraphQlTypes types, Ref named) {
    Type type = types.type(named.name());
    return type != null && (type.kind().equals("SCALAR") || type.kind().equals("ENUM"));
  }

  /** An object's columns, nested objects' fields dotted after their prefix. */
  private static void columns(GraphQlTypes types, GraphQlDatasourceConfig config, Type object,
      String prefix, int depth, List<RestColumn> columns) {
    for (Field field : object.fields().values()) {
      Ref type = field.type();
      Type named = types.type(type.named().name());
      if (named == null || !field.arguments().isEmpty() && !optional(field)) {
        continue;
      }
      String name = prefix + field.name();
      boolean notNull = type.nonNull() && prefix.isEmpty();
      if (named.kind().equals("SCALAR") || named.kind().equals("ENUM")) {
        SqlTypeSpec sql = sqlType(config, named);
        if (type.isList()) {
          if (type.nullable().of() != null && !type.nullable().of().isList()) {
            columns.add(RestColumn.graphQl(name, SqlTypeSpec.arrayOf(sql), notNull));
          }
        } else {
          columns.add(RestColumn.graphQl(name, sql, notNull));
        }
      } else if (named.kind().equals("OBJECT") && !type.isList() && depth < config.depth()) {
        columns(types, config, named, name + ".", depth + 1, columns);
      }
    }
  }

  /** A field whose arguments may all be left out. */
  private static boolean optional(Field field) {
    return field.arguments().values().stream().noneMatch(Ref::nonNull);
  }

  /**
   * {@code Int} INTEGER, {@code Float} DOUBLE, {@code String}/{@code ID} VARCHAR,
   * {@code Boolean} BOOLEAN, enums VARCHAR, a custom scalar as the model maps it, else VARCHAR.
   */
  private static SqlTypeSpec sqlType(GraphQlDatasourceConfig config, Type scalar) {
    if (scalar.kind().equals("ENUM")) {
      return SqlTypeSpec.of(SqlTypeName.VARCHAR);
    }
    return switch (scalar.name()) {
      case "Int" -> SqlTypeSpec.of(SqlTypeName.INTEGER);
      case "Float" -> SqlTypeSpec.of(SqlTypeName.DOUBLE);
      case "Boolean" -> SqlTypeSpec.of(SqlTypeName.BOOLEAN);
      case "String", "ID" -> SqlTypeSpec.of(SqlTypeName.VARCHAR);
      default -> config.scalars().containsKey(scalar.name())
          ? SqlTypeSpec.of(DeclaredType.parse(config.scalars().get(scalar.name())))
          : SqlTypeSpec.of(SqlTypeName.VARCHAR);
    };
  }
}
