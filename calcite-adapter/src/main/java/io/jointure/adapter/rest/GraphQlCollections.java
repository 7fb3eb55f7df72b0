package io.jointure.adapter.rest;

import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.rest.GraphQlTypes.Field;
import io.jointure.adapter.rest.GraphQlTypes.Ref;
import io.jointure.adapter.rest.GraphQlTypes.Type;
import io.jointure.model.DeclaredType;
import io.jointure.model.GraphQlDatasourceConfig;
import io.jointure.model.RestCollectionConfig;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
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
    Map<String, RestCollection.GraphQlArgument> arguments =
        arguments(types, field, config.name() + ".collections." + name, columns, settings);
    RestCollection.GraphQlPaging paging = paging(field.arguments().keySet(), relay);
    Optional<String> primaryKey = settings != null && settings.primaryKey().isPresent()
        ? settings.primaryKey()
        : columns.stream().filter(c -> c.name().equals("id") && c.notNull()).findFirst()
            .map(RestColumn::name);
    double rowCount = settings != null && settings.rowCount().isPresent()
        ? settings.rowCount().getAsDouble() : RestCollectionConfig.DEFAULT_ROW_COUNT;
    Optional<RestCollection.GraphQlOrder> order = settings == null ? Optional.empty()
        : settings.orderBy().map(o -> order(field, config.name() + ".collections." + name,
            columns, o));
    return new RestCollection(name, List.copyOf(columns), 0, new RestCollection.GraphQlField(
        config.url(), field.name(), paging, Map.copyOf(arguments), order), rowCount, primaryKey);
  }

  /**
   * The arguments that filter columns, by column: the model's ({@code arguments:}), then an
   * argument named as a column ({@code libraryId}) or as its plural taking a list
   * ({@code ids}), then a field of an input-object argument named so
   * ({@code filter: {available}}).
   */
  private static Map<String, RestCollection.GraphQlArgument> arguments(GraphQlTypes types,
      Field field, String table, List<RestColumn> columns,
      GraphQlDatasourceConfig.GraphQlCollection settings) {
    Map<String, RestCollection.GraphQlArgument> arguments = new LinkedHashMap<>();
    if (settings != null) {
      for (Map.Entry<String, String> declared : settings.arguments().entrySet()) {
        String column = declared.getKey();
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
          throw modelError(table, "arguments." + column, "names no column of the table; its"
              + " columns are " + columns.stream().map(RestColumn::name).toList());
        }
        List<String> path = List.of(declared.getValue().split("\\."));
        Ref type = argumentAt(types, field, path);
        if (type == null || !leaf(types, type)) {
          throw modelError(table, "arguments." + column, "the field " + field.name()
              + " has no argument " + declared.getValue() + " taking a scalar or a list of"
              + " them; its arguments are " + field.arguments().keySet());
        }
        arguments.put(column, new RestCollection.GraphQlArgument(path, type.text(),
            type.isList()));
      }
    }
    for (Map.Entry<String, Ref> argument : field.arguments().entrySet()) {
      Ref type = argument.getValue();
      if (leaf(types, type)) {
        match(List.of(argument.getKey()), type, columns, arguments);
      }
    }
    for (Map.Entry<String, Ref> argument : field.arguments().entrySet()) {
      Type input = argument.getValue().isList() ? null
          : types.type(argument.getValue().named().name());
      if (input != null && input.kind().equals("INPUT_OBJECT")) {
        input.inputFields().forEach((inputField, type) -> {
          if (leaf(types, type)) {
            match(List.of(argument.getKey(), inputField), type, columns, arguments);
          }
        });
      }
    }
    return arguments;
  }

  /** An argument (or input field) named as a column, or as its plural when it takes a list. */
  private static void match(List<String> path, Ref type, List<RestColumn> columns,
      Map<String, RestCollection.GraphQlArgument> arguments) {
    String name = path.get(path.size() - 1);
    boolean list = type.isList();
    String column = list && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    if (columns.stream().anyMatch(c -> c.name().equals(column))
        && !arguments.containsKey(column)) {
      arguments.put(column, new RestCollection.GraphQlArgument(path, type.text(), list));
    }
  }

  /** The type at an argument's path: the field's argument, then input fields; or null. */
  private static Ref argumentAt(GraphQlTypes types, Field field, List<String> path) {
    Ref type = field.arguments().get(path.get(0));
    for (int i = 1; i < path.size() && type != null; i++) {
      Type input = type.isList() ? null : types.type(type.named().name());
      type = input == null ? null : input.inputFields().get(path.get(i));
    }
    return type;
  }

  /** A scalar or enum, or a list of them. */
  private static boolean leaf(GraphQlTypes types, Ref type) {
    Type named = types.type(type.named().name());
    return named != null && named.isLeaf()
        && (!type.isList() || !type.nullable().of().nullable().isList());
  }

  /** The model's ordering, checked against the field's arguments and the table's columns. */
  private static RestCollection.GraphQlOrder order(Field field, String table,
      List<RestColumn> columns, GraphQlDatasourceConfig.GraphQlOrderBy orderBy) {
    Ref type = field.arguments().get(orderBy.argument());
    if (type == null) {
      throw modelError(table, "orderBy.argument", "the field " + field.name() + " has no"
          + " argument " + orderBy.argument() + "; its arguments are "
          + field.arguments().keySet());
    }
    for (String column : orderBy.columns()) {
      if (columns.stream().noneMatch(c -> c.name().equals(column))) {
        throw modelError(table, "orderBy.columns", column + " is no column of the table; its"
            + " columns are " + columns.stream().map(RestColumn::name).toList());
      }
    }
    return new RestCollection.GraphQlOrder(orderBy.argument(), type.text(),
        orderBy.ascending(), orderBy.descending(), List.copyOf(orderBy.columns()));
  }

  /** A mistake in the model's word on a table, found against the API's schema. */
  private static SourceFailure modelError(String table, String key, String message) {
    return new SourceFailure(ErrorCode.CONFIG_FILE_ERROR, table.substring(0, table.indexOf('.')),
        "datasources." + table + "." + key + ": " + message, null);
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
