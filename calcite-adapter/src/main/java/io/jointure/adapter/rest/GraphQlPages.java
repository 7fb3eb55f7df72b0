package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.sql.errors.ErrorCode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The records of one listing of a GraphQL field, page after page, each page one POST of the same
 * document: the fields the query reads (and no others), the arguments that filter as
 * variables ({@code $v0}), never spliced into the document, and the page's size and cursor or
 * offset. A page is fetched when the rows before are used up, and no more than {@code limit}
 * records; a cursor the API gave before fails the listing instead of looping.
 */
final class GraphQlPages extends PagedRecords {
  /** Records asked for per page; APIs may give fewer (they cap pages), never more. */
  static final int PAGE_SIZE = 100;
  private static final ObjectMapper JSON = GraphQlRequests.JSON;

  private final RestSource source;
  private final RestCollection collection;
  private final RestCollection.GraphQlField field;
  private final String document;
  private final ObjectNode variables;
  private final Set<String> cursors = new HashSet<>();
  private long offset;
  private String cursor;
  /**
   * The path of the key that tells an offset listing's pages apart (the table's primary key),
   * or null: then pages are not compared, since records narrowed to the columns read may be
   * alike.
   */
  private final List<String> keyPath;
  private List<JsonNode> previousKeys = List.of();

  /**
   * @param columns the table columns the query reads
   * @param values  the filtering arguments' values, by table column
   * @param limit   records wanted at most; {@code Long.MAX_VALUE} for all
   * @param order   the column the API orders by, or -1
   */
  GraphQlPages(RestSource source, RestCollection collection, List<Integer> columns,
      Map<Integer, List<Object>> values, long limit, int order, boolean descending,
      QueryControl control) {
    super(limit, control);
    this.source = source;
    this.collection = collection;
    this.field = (RestCollection.GraphQlField) collection.endpoint();
    this.variables = JSON.createObjectNode();
    Map<String, String> declarations = new LinkedHashMap<>();
    Map<String, Object> arguments = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<Integer, List<Object>> entry : values.entrySet()) {
      RestColumn column = collection.columns().get(entry.getKey());
      RestCollection.GraphQlArgument argument = field.arguments().get(column.name());
      String variable = "v" + n++;
      declarations.put(variable, argument.type());
      put(arguments, argument.path(), "$" + variable);
      if (argument.list()) {
        var list = variables.putArray(variable);
        entry.getValue().forEach(v -> list.add(GraphQlRequests.variableValue(v, column.type().name())));
      } else {
        variables.set(variable, GraphQlRequests.variableValue(entry.getValue().get(0), column.type().name()));
      }
    }
    if (order >= 0) {
      RestCollection.GraphQlOrder ordering = field.order().orElseThrow();
      declarations.put("order", ordering.type());
      arguments.put(ordering.argument(), "$order");
      variables.set("order", orderValue(ordering, collection.columns().get(order).name(),
          descending));
    }
    RestCollection.GraphQlPaging paging = field.paging();
    if (sendsSize()) {
      declarations.put("size", paging.sizeType());
      arguments.put(paging.size(), "$size");
    }
    if (paging.kind() == RestCollection.GraphQlPaging.Kind.RELAY) {
      declarations.put("cursor", paging.offsetType());
      arguments.put(paging.offset(), "$cursor");
    } else if (paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET) {
      declarations.put("offset", paging.offsetType());
      arguments.put(paging.offset(), "$offset");
    }
    int key = collection.primaryKey().map(collection::columnIndex).orElse(-1);
    this.keyPath = paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET && key >= 0
        ? collection.columns().get(key).path() : null;
    List<Integer> selected = new java.util.ArrayList<>(columns);
    if (keyPath != null && !selected.contains(key)) {
      selected.add(key);
    }
    this.document = document(declarations, arguments, selection(collection, selected));
  }

  /**
   * The variables every page sends, for EXPLAIN: a filter's value (a stand-in when planned) as
   * {@code ?}, and the page's own ones as {@code $size}, {@code $cursor}, {@code $offset}.
   */
  String variablesShown() {
    List<String> shown = new java.util.ArrayList<>();
    variables.fields().forEachRemaining(entry -> shown.add(entry.getKey() + ": "
        + (entry.getKey().equals("order") ? entry.getValue().toString() : "?")));
    RestCollection.GraphQlPaging paging = field.paging();
    if (sendsSize()) {
      shown.add("size: page size");
    }
    if (paging.kind() == RestCollection.GraphQlPaging.Kind.RELAY) {
      shown.add("cursor: previous page's endCursor");
    } else if (paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET) {
      shown.add("offset: records read");
    }
    return "{" + String.join(", ", shown) + "}";
  }

  /**
   * Whether pages ask for a size: always when pages follow one another; a field with a size
   * argument only (one answer) is asked for one only under a LIMIT, since any size would cut
   * the records off.
   */
  private boolean sendsSize() {
    RestCollection.GraphQlPaging paging = field.paging();
    return paging.size() != null && (paging.kind() != RestCollection.GraphQlPaging.Kind.SIZE
        || limit != Long.MAX_VALUE);
  }

  /** The document, as sent: for the request log and EXPLAIN. */
  String document() {
    return document;
  }

  /**
   * Sets a variable at an argument's path: {@code filter.available} and {@code filter.format}
   * share one input object, {@code filter: {available: $v0, format: $v1}}.
   */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> arguments, List<String> path, String variable) {
    Map<String, Object> at = arguments;
    for (int i = 0; i < path.size() - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(path.get(i), k -> new LinkedHashMap<>());
    }
    at.put(path.get(path.size() - 1), variable);
  }

  /** An argument's value as written in the document: a variable, or an input object of them. */
  private static String argumentText(Object value) {
    if (value instanceof String variable) {
      return variable;
    }
    StringBuilder text = new StringBuilder("{");
    ((Map<?, ?>) value).forEach((name, inner) -> text.append(text.length() == 1 ? "" : ", ")
        .append(name).append(": ").append(argumentText(inner)));
    return text.append('}').toString();
  }

  /**
   * The ordering argument's value for a column: the model's JSON with {@code {column}} and
   * {@code {COLUMN}} replaced in its names and texts (never in the document: a variable).
   */
  static JsonNode orderValue(RestCollection.GraphQlOrder order, String column,
      boolean descending) {
    try {
      return substitute(JSON.readTree(descending ? order.descending() : order.ascending()),
          column);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the model's orderBy was read as JSON", e);
    }
  }

  private static JsonNode substitute(JsonNode template, String column) {
    String upper = column.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_')
        .toUpperCase(java.util.Locale.ROOT);
    if (template.isTextual()) {
      return JSON.getNodeFactory().textNode(template.asText().replace("{column}", column)
          .replace("{COLUMN}", upper));
    }
    if (template.isArray()) {
      var array = JSON.createArrayNode();
      template.forEach(element -> array.add(substitute(element, column)));
      return array;
    }
    if (template.isObject()) {
      ObjectNode object = JSON.createObjectNode();
      template.fields().forEachRemaining(entry -> object.set(entry.getKey()
          .replace("{column}", column).replace("{COLUMN}", upper),
          substitute(entry.getValue(), column)));
      return object;
    }
    return template;
  }

  private String document(Map<String, String> declarations, Map<String, Object> arguments,
      String selection) {
    StringBuilder text = new StringBuilder("query Jointure");
    if (!declarations.isEmpty()) {
      text.append('(');
      declarations.forEach((name, type) -> text.append(text.charAt(text.length() - 1) == '('
          ? "" : ", ").append('$').append(name).append(": ").append(type));
      text.append(')');
    }
    text.append(" { ").append(field.field());
    if (!arguments.isEmpty()) {
      text.append('(');
      arguments.forEach((name, value) -> text.append(text.charAt(text.length() - 1) == '('
          ? "" : ", ").append(name).append(": ").append(argumentText(value)));
      text.append(')');
    }
    if (field.relay()) {
      text.append(" { edges { node ").append(selection).append(" }")
          .append(field.paging().kind() == RestCollection.GraphQlPaging.Kind.RELAY
              ? " pageInfo { hasNextPage endCursor }" : "").append(" } }");
    } else {
      // the records' selection inside the fields that hold them: search { results { ... } }
      field.records().forEach(name -> text.append(" { ").append(name));
      text.append(' ').append(selection).append(" }".repeat(field.records().size())).append(" }");
    }
    return text.toString();
  }

  /**
   * The selection of the columns read, nested as their paths are ({@code { id author { name } }});
   * a query reading no column (COUNT(*)) selects the first.
   */
  private static String selection(RestCollection collection, List<Integer> columns) {
    Map<String, Object> tree = new TreeMap<>();
    List<Integer> read = columns.isEmpty() ? List.of(0) : columns;
    for (int column : read) {
      Map<String, Object> at = tree;
      List<String> path = collection.columns().get(column).path();
      for (int i = 0; i < path.size(); i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) at.computeIfAbsent(path.get(i),
            k -> new TreeMap<String, Object>());
        at = child;
      }
    }
    StringBuilder text = new StringBuilder();
    write(tree, text);
    return text.toString();
  }

  private static void write(Map<String, Object> tree, StringBuilder text) {
    text.append("{ ");
    tree.forEach((name, children) -> {
      text.append(name).append(' ');
      @SuppressWarnings("unchecked")
      Map<String, Object> nested = (Map<String, Object>) children;
      if (!nested.isEmpty()) {
        write(nested, text);
        text.append(' ');
      }
    });
    text.append('}');
  }

  @Override
  protected void fetchPage() {
    control.check();
    ObjectNode pageVariables = variables.deepCopy();
    RestCollection.GraphQlPaging paging = field.paging();
    // one answer under a LIMIT asks for all of it; pages ask for PAGE_SIZE (GraphQL's Int is
    // 32 bits)
    long size = Math.min(paging.kind() == RestCollection.GraphQlPaging.Kind.SIZE
        ? Integer.MAX_VALUE : PAGE_SIZE, limit - returned());
    if (sendsSize()) {
      pageVariables.put("size", size);
    }
    if (paging.kind() == RestCollection.GraphQlPaging.Kind.RELAY) {
      pageVariables.put("cursor", cursor);
    } else if (paging.kind() == RestCollection.GraphQlPaging.Kind.OFFSET) {
      pageVariables.put("offset", offset);
    }
    JsonNode answer = GraphQlRequests.post(source, field.url(), document, pageVariables,
        control);
    JsonNode value = answer.path("data").path(field.field());
    List<JsonNode> records = new java.util.ArrayList<>();
    if (field.relay()) {
      value.path("edges").forEach(edge -> records.add(edge.path("node")));
    } else {
      JsonNode list = value;
      for (String name : field.records()) {
        list = list.path(name);
      }
      list.forEach(records::add);
    }
    source.requestLog().record(new SourceRequest(source.name(), document + " " + pageVariables,
        List.of(), records.size()));
    GraphQlRequests.data(source, field.url(), answer, field.field(), "");
    page = records.iterator();
    String shown = "POST " + RestUrl.of(field.url(), source.secretParameters()).shown();
    switch (paging.kind()) {
      case RELAY -> {
        JsonNode info = value.path("pageInfo");
        String next = info.path("endCursor").isNull() ? null : info.path("endCursor").asText(null);
        last = records.isEmpty() || !info.path("hasNextPage").asBoolean(false) || next == null;
        if (!last && !cursors.add(next)) {
          throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(), shown,
              "field " + field.field() + " gave the cursor " + next + " twice; its pages would"
              + " never end", null);
        }
        cursor = next;
      }
      case OFFSET -> {
        // An API that ignores the offset answers the same page again: fail, not loop.
        List<JsonNode> keys = keyPath == null ? List.of()
            : records.stream().map(r -> JsonValues.at(r, keyPath)).toList();
        if (!keys.isEmpty() && keys.equals(previousKeys)) {
          throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(), shown,
              "field " + field.field() + " answered offset " + offset + " with the records of"
              + " the page before; it does not page by " + paging.offset(), null);
        }
        previousKeys = keys;
        offset += records.size();
        last = records.isEmpty();
      }
      default -> last = true;
    }
  }
}
