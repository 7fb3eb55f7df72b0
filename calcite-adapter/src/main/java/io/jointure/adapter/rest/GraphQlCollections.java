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
  /** A declared table's {@code records:} for a Relay connection. */
  static final String RELAY_RECORDS = "edges.node";
  /** A Relay connection's paging arguments, as its specification types them. */
  private static final Map<String, Ref> RELAY_ARGUMENTS = Map.of(
      "first", new Ref("SCALAR", "Int", null), "after", new Ref("SCALAR", "String", null));

  private GraphQlCollections() {
  }

  /**
   * @param types the API's types, or null when it refuses introspection: then only the tables
   *              the model declares by hand
   */
  static Map<String, RestCollection> of(GraphQlTypes types, GraphQlDatasourceConfig config) {
    Map<String, GraphQlDatasourceConfig.GraphQlCollection> byQuery = new LinkedHashMap<>();
    config.collections().values().stream().filter(c -> !c.declared())
        .forEach(c -> byQuery.put(c.query(), c));
    Map<String, RestCollection> tables = new LinkedHashMap<>();
    if (types != null) {
      for (GraphQlDatasourceConfig.GraphQlCollection settings : byQuery.values()) {
        if (types.queryField(settings.query()) == null) {
          throw modelError(config.name() + ".collections." + settings.name(), "query", "the"
              + " API's Query has no field " + settings.query() + "; its fields are "
              + types.queryFields().stream().map(Field::name).toList());
        }
      }
    }
    for (Field field : types == null ? List.<Field>of() : types.queryFields()) {
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
    for (GraphQlDatasourceConfig.GraphQlCollection settings : config.collections().values()) {
      if (settings.declared() && !settings.hidden()) {
        tables.put(settings.name(), declaredTable(types, config, settings));
      }
    }
    return tables;
  }

  /**
   * A table the model declares by hand: its columns ({@code schema:}), the Query field and where
   * its records are in the field's value ({@code records:}, {@code edges.node} for a Relay
   * connection); arguments and pages as the API's types tell, when it tells them.
   */
  private static RestCollection declaredTable(GraphQlTypes types, GraphQlDatasourceConfig config,
      GraphQlDatasourceConfig.GraphQlCollection settings) {
    String table = config.name() + ".collections." + settings.name();
    Field field = types == null ? null : types.queryField(settings.query());
    if (types != null && field == null) {
      throw modelError(table, "query", "the API's Query has no field " + settings.query()
          + "; its fields are " + types.queryFields().stream().map(Field::name).toList());
    }
    List<RestColumn> columns = settings.schema().stream()
        .map(c -> RestColumn.of(c.name(), SqlTypeSpec.of(c.type()))).toList();
    boolean relay = settings.records().equals(RELAY_RECORDS);
    List<String> records = relay || settings.records().isEmpty() ? List.of()
        : List.of(settings.records().split("\\."));
    // Without the API's types, a Relay connection is taken to page as Relay's specification
    // says (first, after).
    RestCollection.GraphQlPaging paging = paging(field != null ? field.arguments()
        : relay ? RELAY_ARGUMENTS : Map.of(), relay);
    if (field != null && !unmet(field, paging).isEmpty()) {
      throw modelError(table, "query", "the field " + field.name() + " needs "
          + unmet(field, paging) + " in every request, which a table's listing cannot give;"
          + " use it through an External relation (query: with variables)");
    }
    Map<String, RestCollection.GraphQlArgument> arguments =
        arguments(types, field, table, columns, settings);
    Optional<RestCollection.GraphQlOrder> order = settings.orderBy().map(o -> field == null
        ? new RestCollection.GraphQlOrder(o.argument(), null, o.ascending(), o.descending(),
            List.copyOf(o.columns()))
        : order(field, table, columns, o));
    if (order.isPresent() && order.get().type() == null) {
      throw modelError(table, "orderBy", "the API does not tell the type of " + settings.query()
          + "'s argument " + order.get().argument() + " (introspection is off); declare the"
          + " table's arguments only, or turn introspection on");
    }
    return new RestCollection(settings.name(), columns, 0, new RestCollection.GraphQlField(
        config.url(), settings.query(), records, relay, paging, Map.copyOf(arguments), order,
        settings.maxKeysPerRequest()),
        settings.rowCount().orElse(RestCollectionConfig.DEFAULT_ROW_COUNT),
        settings.primaryKey().isPresent() ? primaryKey(table, columns, settings)
            : Optional.empty());
  }

  /** The table of one Query field, or null when it returns no list of objects. */
  private static RestCollection table(GraphQlTypes types, GraphQlDatasourceConfig config,
      Field field, String name, GraphQlDatasourceConfig.GraphQlCollection settings) {
    Ref returned = field.type();
    Type records;
    boolean relay = false;
    // a NOT NULL column needs its record to be there: no null items in the list
    boolean recordsNonNull;
    if (returned.isList()) {
      records = types.type(returned.named().name());
      recordsNonNull = returned.nullable().of().nonNull();
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
      recordsNonNull = edges.type().nullable().of().nonNull() && node.type().nonNull();
    }
    if (records == null || !records.kind().equals("OBJECT")) {
      return null;
    }
    List<RestColumn> columns = new ArrayList<>();
    columns(types, config, records, "", 1, recordsNonNull, columns);
    if (columns.isEmpty()) {
      return null;
    }
    Map<String, RestCollection.GraphQlArgument> arguments =
        arguments(types, field, config.name() + ".collections." + name, columns, settings);
    RestCollection.GraphQlPaging paging = paging(field.arguments(), relay);
    java.util.Set<String> unmet = unmet(field, paging);
    if (!unmet.isEmpty()) {
      if (settings != null) {
        throw modelError(config.name() + ".collections." + name, "query", "the field "
            + field.name() + " needs " + unmet + " in every request, which a table's listing"
            + " cannot give; use it through an External relation (query: with variables)");
      }
      return null; // each request needs a value the table cannot have: not a listing
    }
    Optional<String> primaryKey = settings != null && settings.primaryKey().isPresent()
        ? primaryKey(config.name() + ".collections." + name, columns, settings)
        : columns.stream().filter(c -> c.name().equals("id") && c.notNull()).findFirst()
            .map(RestColumn::name);
    double rowCount = settings != null && settings.rowCount().isPresent()
        ? settings.rowCount().getAsDouble() : RestCollectionConfig.DEFAULT_ROW_COUNT;
    Optional<RestCollection.GraphQlOrder> order = settings == null ? Optional.empty()
        : settings.orderBy().map(o -> order(field, config.name() + ".collections." + name,
            columns, o));
    return new RestCollection(name, List.copyOf(columns), 0, new RestCollection.GraphQlField(
        config.url(), field.name(), List.of(), relay, paging, Map.copyOf(arguments), order,
        settings == null ? RestCollectionConfig.DEFAULT_MAX_KEYS_PER_REQUEST
            : settings.maxKeysPerRequest()), rowCount, primaryKey);
  }

  /** The model's primary key, a column of the table. */
  private static Optional<String> primaryKey(String table, List<RestColumn> columns,
      GraphQlDatasourceConfig.GraphQlCollection settings) {
    String key = settings.primaryKey().orElseThrow();
    if (columns.stream().noneMatch(c -> c.name().equals(key))) {
      throw modelError(table, "primaryKey", key + " is no column of the table; its columns are "
          + columns.stream().map(RestColumn::name).toList());
    }
    return settings.primaryKey();
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
        // filter.authorId, or filter.authorId: ID where the API does not tell the type
        String[] pathAndType = declared.getValue().split(":", 2);
        List<String> path = List.of(pathAndType[0].strip().split("\\."));
        if (pathAndType.length == 2) {
          String type = pathAndType[1].strip();
          arguments.put(column, new RestCollection.GraphQlArgument(path, type,
              type.startsWith("["), true, java.util.Set.of()));
          continue;
        }
        if (field == null) {
          throw modelError(table, "arguments." + column, "the API does not tell the type of "
              + declared.getValue() + " (introspection is off); give it after a colon, e.g. `"
              + declared.getValue() + ": ID`");
        }
        Ref type = argumentAt(types, field, path);
        if (type == null || !leaf(types, type)) {
          throw modelError(table, "arguments." + column, "the field " + field.name()
              + " has no argument " + declared.getValue() + " taking a scalar or a list of"
              + " them; its arguments are " + field.arguments().keySet());
        }
        arguments.put(column, new RestCollection.GraphQlArgument(path, type.text(),
            type.isList(), true, enumValues(types, type)));
      }
    }
    if (field == null) {
      return arguments;
    }
    for (Map.Entry<String, Ref> argument : field.arguments().entrySet()) {
      Ref type = argument.getValue();
      if (leaf(types, type)) {
        match(types, List.of(argument.getKey()), type, columns, arguments);
      }
    }
    for (Map.Entry<String, Ref> argument : field.arguments().entrySet()) {
      Type input = argument.getValue().isList() ? null
          : types.type(argument.getValue().named().name());
      if (input != null && input.kind().equals("INPUT_OBJECT")) {
        input.inputFields().forEach((inputField, type) -> {
          if (leaf(types, type)) {
            match(types, List.of(argument.getKey(), inputField), type, columns, arguments);
          }
        });
      }
    }
    return arguments;
  }

  /** An argument (or input field) named as a column, or as its plural when it takes a list. */
  private static void match(GraphQlTypes types, List<String> path, Ref type,
      List<RestColumn> columns, Map<String, RestCollection.GraphQlArgument> arguments) {
    String name = path.get(path.size() - 1);
    boolean list = type.isList();
    String column = list && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    if (columns.stream().anyMatch(c -> c.name().equals(column))
        && !arguments.containsKey(column)) {
      arguments.put(column, new RestCollection.GraphQlArgument(path, type.text(), list,
          matchesExactly(types, type), enumValues(types, type)));
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

  /**
   * Whether an argument found by its name is taken to filter as SQL's equality does: an id, an
   * integer, a boolean or an enum value has one meaning; a string (or a custom scalar) may be
   * matched as a search, in another case, or by prefix, so Calcite checks those again (and a
   * limit then stays in Calcite too).
   */
  private static boolean matchesExactly(GraphQlTypes types, Ref type) {
    Type named = types.type(type.named().name());
    return named != null && (named.kind().equals("ENUM")
        || java.util.Set.of("ID", "Int", "Boolean").contains(named.name()));
  }

  /** An enum's values; none for other types. */
  private static java.util.Set<String> enumValues(GraphQlTypes types, Ref type) {
    Type named = types.type(type.named().name());
    return named == null ? java.util.Set.of() : named.enumValues();
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

  /**
   * How a field pages, from its arguments' names; the variables take the arguments' own types
   * ({@code Int!} where the API requires a size).
   */
  private static RestCollection.GraphQlPaging paging(Map<String, Ref> arguments,
      boolean relay) {
    if (relay && arguments.containsKey("first") && arguments.containsKey("after")) {
      return new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.RELAY, "first",
          arguments.get("first").text(), "after", arguments.get("after").text());
    }
    String size = arguments.containsKey("limit") ? "limit" : arguments.containsKey("first")
        ? "first" : arguments.containsKey("take") ? "take" : null;
    String offset = arguments.containsKey("offset") ? "offset" : arguments.containsKey("skip")
        ? "skip" : null;
    if (size != null && offset != null && !relay) {
      return new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.OFFSET, size,
          arguments.get(size).text(), offset, arguments.get(offset).text());
    }
    return size != null ? new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.SIZE,
        size, arguments.get(size).text(), null, null)
        : new RestCollection.GraphQlPaging(RestCollection.GraphQlPaging.Kind.ONE, null, null,
            null, null);
  }

  /**
   * The required arguments (non-null, no default) that the paging does not give in every
   * request: a size or offset Jointure always sends is met; any other is not.
   */
  private static java.util.Set<String> unmet(Field field, RestCollection.GraphQlPaging paging) {
    java.util.Set<String> unmet = new java.util.TreeSet<>(field.required());
    if (paging.kind() == RestCollection.GraphQlPaging.Kind.RELAY
        || paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET) {
      unmet.remove(paging.size());
    }
    if (paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET) {
      unmet.remove(paging.offset());
    }
    return unmet;
  }

  /** An object's columns, nested objects' fields dotted after their prefix. */
  private static void columns(GraphQlTypes types, GraphQlDatasourceConfig config, Type object,
      String prefix, int depth, boolean recordsNonNull, List<RestColumn> columns) {
    for (Field field : object.fields().values()) {
      Ref type = field.type();
      Type named = types.type(type.named().name());
      if (named == null || !field.arguments().isEmpty() && !optional(field)) {
        continue;
      }
      String name = prefix + field.name();
      boolean notNull = recordsNonNull && type.nonNull() && prefix.isEmpty();
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
        columns(types, config, named, name + ".", depth + 1, recordsNonNull, columns);
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
