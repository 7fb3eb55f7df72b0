package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL API's types as its introspection tells them: objects with their fields (and their
 * fields' arguments), scalars, enums. Read once per source, with the standard introspection
 * query, the API's own description of itself.
 */
final class GraphQlTypes {
  /**
   * The introspection query: the root query type, each type's fields and arguments (with their
   * defaults), input objects' fields and enums' values.
   */
  static final String INTROSPECTION = "query JointureIntrospection { __schema {"
      + " queryType { name } types { kind name fields(includeDeprecated: true) { name"
      + " args { name defaultValue type { ...Ref } } type { ...Ref } }"
      + " inputFields { name type { ...Ref } } enumValues(includeDeprecated: true) { name } } } }"
      + " fragment Ref on __Type { kind name ofType { kind name ofType { kind name"
      + " ofType { kind name ofType { kind name ofType { kind name } } } } } }";

  /** A reference to a type: NON_NULL and LIST wrap another. */
  record Ref(String kind, String name, Ref of) {
    static Ref of(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      return new Ref(node.path("kind").asText(), node.path("name").isNull() ? null
          : node.path("name").asText(null), of(node.get("ofType")));
    }

    boolean nonNull() {
      return kind.equals("NON_NULL");
    }

    /** Without NON_NULL. */
    Ref nullable() {
      return nonNull() ? of : this;
    }

    boolean isList() {
      return nullable().kind.equals("LIST");
    }

    /** The named type under every wrapper. */
    Ref named() {
      Ref ref = this;
      while (ref.of != null && ref.name == null) {
        ref = ref.of;
      }
      return ref;
    }

    /** As GraphQL writes it, for a variable's declaration: {@code [ID!]}, {@code Int}. */
    String text() {
      return switch (kind) {
        case "NON_NULL" -> of.text() + "!";
        case "LIST" -> "[" + of.text() + "]";
        default -> name;
      };
    }
  }

  /**
   * A field.
   *
   * @param required the arguments a request must give: non-null, without a default
   */
  record Field(String name, Ref type, Map<String, Ref> arguments, java.util.Set<String> required) {
  }

  /**
   * A named type: an object's fields, or an input object's fields ({@code inputFields}, the
   * parts of an argument such as {@code filter: {status: ...}}).
   */
  record Type(String kind, String name, Map<String, Field> fields, Map<String, Ref> inputFields,
      java.util.Set<String> enumValues) {
    boolean isLeaf() {
      return kind.equals("SCALAR") || kind.equals("ENUM");
    }
  }

  private final String queryType;
  private final Map<String, Type> types;

  private GraphQlTypes(String queryType, Map<String, Type> types) {
    this.queryType = queryType;
    this.types = types;
  }

  /** From the {@code data} of the introspection query's answer. */
  static GraphQlTypes of(JsonNode data) {
    JsonNode schema = data.path("__schema");
    Map<String, Type> types = new LinkedHashMap<>();
    for (JsonNode type : schema.path("types")) {
      Map<String, Field> fields = new LinkedHashMap<>();
      for (JsonNode field : type.path("fields")) {
        Map<String, Ref> arguments = new LinkedHashMap<>();
        java.util.Set<String> required = new java.util.HashSet<>();
        for (JsonNode argument : field.path("args")) {
          Ref argumentType = Ref.of(argument.get("type"));
          arguments.put(argument.path("name").asText(), argumentType);
          if (argumentType.nonNull() && !argument.path("defaultValue").isTextual()) {
            required.add(argument.path("name").asText());
          }
        }
        fields.put(field.path("name").asText(), new Field(field.path("name").asText(),
            Ref.of(field.get("type")), Map.copyOf(arguments), java.util.Set.copyOf(required)));
      }
      Map<String, Ref> inputFields = new LinkedHashMap<>();
      for (JsonNode field : type.path("inputFields")) {
        inputFields.put(field.path("name").asText(), Ref.of(field.get("type")));
      }
      java.util.Set<String> enumValues = new java.util.LinkedHashSet<>();
      type.path("enumValues").forEach(value -> enumValues.add(value.path("name").asText()));
      types.put(type.path("name").asText(), new Type(type.path("kind").asText(),
          type.path("name").asText(), java.util.Collections.unmodifiableMap(fields),
          java.util.Collections.unmodifiableMap(inputFields),
          java.util.Collections.unmodifiableSet(enumValues)));
    }
    return new GraphQlTypes(schema.path("queryType").path("name").asText("Query"),
        java.util.Collections.unmodifiableMap(types));
  }

  /** The root Query type's fields. */
  List<Field> queryFields() {
    Type query = types.get(queryType);
    return query == null ? List.of() : List.copyOf(query.fields().values());
  }

  /** A root Query field, or null. */
  Field queryField(String name) {
    Type query = types.get(queryType);
    return query == null ? null : query.fields().get(name);
  }

  Type type(String name) {
    return types.get(name);
  }
}
