package io.jointure.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jointure.sql.errors.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model (YAML or JSON; JSON is valid YAML) and validates its {@code datasources:} part.
 * Every error names the model, the path inside it and the fix.
 */
public final class ModelLoader {
  /** Prefix of a model given inline in the connection URL instead of as a file. */
  public static final String INLINE_PREFIX = "inline:";

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "datasources", "collections",
      QueryLimits.QUERY_TIMEOUT_SECONDS, QueryLimits.MAX_MEMORY);
  private static final Set<String> SQL_SOURCE_KEYS =
      Set.of("type", "url", "user", "password", "schemas", "dialect", "fetchSize", "maxPoolSize");
  private static final Set<String> MONGO_SOURCE_KEYS =
      Set.of("type", "uri", "database", "sampleSize", "batchSize", "collections");
  private static final Set<String> PINNED_COLLECTION_KEYS = Set.of("schema");
  private static final Set<String> EXTERNAL_RELATION_KEYS = Set.of("type", "url", "schema",
      "records", "headers", "queryParameters", "timeoutSeconds", "maxRetries", "maxConcurrency",
      "view", "dependencies", "query");
  /** Schemas of Jointure itself (relations) and of Calcite (metadata). */
  private static final Set<String> RESERVED_SCHEMAS = Set.of("jointure", "metadata");
  private static final Set<String> COLLECTION_KEYS = Set.of("relations", "fields", "primaryKey",
      "uniqueKeys");
  private static final Set<String> RELATION_KEYS = Set.of("type", "foreignCollection",
      "throughCollection", "thoughCollection", "originKey", "originKeyTarget", "foreignKey",
      "foreignKeyTarget", "compareAs", "view");
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelLoader.class);

  private final EnvSubstitution env;

  public ModelLoader() {
    this(EnvSubstitution.ofSystem());
  }

  ModelLoader(EnvSubstitution env) {
    this.env = env;
  }

  /** Test seam: a loader that reads variables from the given map instead of the environment. */
  public static ModelLoader withEnvironment(Map<String, String> variables) {
    return new ModelLoader(new EnvSubstitution(variables::get));
  }

  /** Loads {@code inline:<yaml>} or a path to a model file. */
  public Model load(String modelReference) throws ModelException {
    if (modelReference.startsWith(INLINE_PREFIX)) {
      return parse("inline model", modelReference.substring(INLINE_PREFIX.length()));
    }
    Path path;
    try {
      path = Path.of(modelReference);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ModelException("'" + modelReference + "' is not a file path: " + e.getReason()
          + "; give model=/path/to/model.yaml or model=inline:<yaml>");
    }
    try {
      return parse(path.toString(), Files.readString(path));
    } catch (NoSuchFileException e) {
      throw new ModelException("model file " + path.toAbsolutePath() + " does not exist;"
          + " check the path given as model=... in the connection URL");
    } catch (IOException e) {
      throw new ModelException("cannot read model file " + path.toAbsolutePath() + ": " + e, e);
    }
  }

  /** Parses model text; {@code origin} names it in error messages. */
  public Model parse(String origin, String text) throws ModelException {
    JsonNode root;
    try {
      root = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build()
          .readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ModelException(origin + ": not valid YAML or JSON" + where + ": "
          + e.getOriginalMessage() + "; fix the syntax there", e);
    }
    return new Reader(origin).model(root);
  }

  /** Walks one model's tree, keeping the origin for messages. */
  final class Reader {
    private final String origin;

    Reader(String origin) {
      this.origin = origin;
    }

    Model model(JsonNode root) throws ModelException {
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw error("", "the model is empty; declare at least `version: 1` and `datasources:`");
      }
      if (!root.isObject()) {
        throw error("", "the model must be a mapping with `version:` and `datasources:`");
      }
      checkKeys(root, "", TOP_LEVEL_KEYS);
      JsonNode version = root.get("version");
      if (version == null) {
        throw error("version", "missing; add `version: 1` at the top of the model");
      }
      if (!(version.isIntegralNumber() && version.asInt() == 1)
          && !version.asText().equals("1")) {
        throw error("version", "unsupported version '" + version.asText()
            + "'; this build reads `version: 1`");
      }
      JsonNode sources = root.get("datasources");
      if (sources == null || !sources.isObject() || sources.isEmpty()) {
        throw error("datasources", "declare at least one datasource, e.g."
            + " `datasources: { crm: { type: postgresql, url: jdbc:postgresql://host:5432/crm } }`");
      }
      Map<String, DatasourceConfig> datasources = new LinkedHashMap<>();
      Map<String, String> lowerCaseNames = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String name = entry.getKey();
        String path = "datasources." + name;
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw error(path, "datasource name '" + name + "' is not a plain SQL identifier;"
              + " use letters, digits and underscores, starting with a letter");
        }
        if (RESERVED_SCHEMAS.contains(name.toLowerCase(Locale.ROOT))) {
          throw error(path, "the name '" + name + "' is reserved for Jointure's own schema;"
              + " name the datasource differently");
        }
        String previous = lowerCaseNames.put(name.toLowerCase(Locale.ROOT), name);
        if (previous != null) {
          throw error(path, "datasources '" + previous + "' and '" + name + "' differ only in case,"
              + " but SQL matches unquoted names case-insensitively; rename one");
        }
        datasources.put(name, datasource(name, path, entry.getValue()));
      }
      JsonNode collections = root.get("collections");
      if (collections == null || collections.isNull()) {
        collections = JsonNodeFactory.instance.objectNode();
      } else if (!collections.isObject()) {
        throw error("collections", "must be a mapping of `<datasource>.<collection>:` entries");
      }
      return new Model(origin, datasources, relations(collections, datasources.keySet()),
          fields(collections), List.of(), collections, limits(root), keys(collections));
    }

    private QueryLimits limits(JsonNode root) throws ModelException {
      int timeout = 0;
      JsonNode seconds = root.get(QueryLimits.QUERY_TIMEOUT_SECONDS);
      if (seconds != null && !seconds.isNull()) {
        try {
          timeout = QueryLimits.parseTimeoutSeconds(
              substitute(QueryLimits.QUERY_TIMEOUT_SECONDS, seconds.asText()));
        } catch (IllegalArgumentException e) {
          throw error(QueryLimits.QUERY_TIMEOUT_SECONDS, e.getMessage());
        }
      }
      long bytes = 0;
      JsonNode memory = root.get(QueryLimits.MAX_MEMORY);
      if (memory != null && !memory.isNull()) {
        try {
          bytes = QueryLimits.parseBytes(substitute(QueryLimits.MAX_MEMORY, memory.asText()));
        } catch (IllegalArgumentException e) {
          throw error(QueryLimits.MAX_MEMORY, e.getMessage());
        }
      }
      return new QueryLimits(timeout, bytes);
    }

    private List<RelationConfig> relations(JsonNode collections, Set<String> datasources)
        throws ModelException {
      List<RelationConfig> relations = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String collection = entry.getKey();
        String path = "collections." + collection;
        collectionName(path, collection, datasources);
        JsonNode node = entry.getValue();
        if (node == null || !node.isObject()) {
          throw error(path, "must be a mapping with `relations:`, `fields:`, `primaryKey:`"
              + " and/or `uniqueKeys:`");
        }
        checkKeys(node, path, COLLECTION_KEYS);
        JsonNode declared = node.get("relations");
        if (declared == null || declared.isNull()) {
          continue;
        }
        if (!declared.isObject()) {
          throw error(path + ".relations", "must be a mapping of relation names to"
              + " `{ type: ManyToOne, foreignCollection: ..., foreignKey: ... }`");
        }
        for (Iterator<Map.Entry<String, JsonNode>> r = declared.fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> relation = r.next();
          relations.add(relation(collection, relation.getKey(),
              path + ".relations." + relation.getKey(), relation.getValue(), datasources));
        }
      }
      return relations;
    }

    /** {@code primaryKey: [col, ...]} and {@code uniqueKeys: [[col, ...], ...]} per collection. */
    private Map<String, DeclaredKeys> keys(JsonNode collections) throws ModelException {
      Map<String, DeclaredKeys> keys = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String path = "collections." + entry.getKey();
        JsonNode primary = entry.getValue().get("primaryKey");
        JsonNode unique = entry.getValue().get("uniqueKeys");
        if ((primary == null || primary.isNull()) && (unique == null || unique.isNull())) {
          continue;
        }
        List<String> primaryKey = primary == null || primary.isNull() ? List.of()
            : columnList(primary, path + ".primaryKey");
        List<List<String>> uniqueKeys = new ArrayList<>();
        if (unique != null && !unique.isNull()) {
          if (!unique.isArray() || unique.isEmpty()) {
            throw error(path + ".uniqueKeys", "must be a list of column lists, e.g."
                + " `uniqueKeys: [[email], [country, code]]`");
          }
          for (int i = 0; i < unique.size(); i++) {
            uniqueKeys.add(columnList(unique.get(i), path + ".uniqueKeys[" + i + "]"));
          }
        }
        keys.put(entry.getKey(), new DeclaredKeys(entry.getKey(), primaryKey,
            List.copyOf(uniqueKeys), path));
      }
      return keys;
    }

    /** A non-empty list of distinct column names: {@code [id]}, {@code [country, code]}. */
    private List<String> columnList(JsonNode node, String path) throws ModelException {
      if (node.isTextual()) {
        return List.of(node.asText()); // primaryKey: id
      }
      if (!node.isArray() || node.isEmpty()) {
        throw error(path, "must be a list of column names, e.g. `[id]` or `[country, code]`");
      }
      List<String> columns = new ArrayList<>();
      for (JsonNode column : node) {
        if (!column.isTextual() || column.asText().isBlank()) {
          throw error(path, "must be a list of column names, e.g. `[id]` or `[country, code]`");
        }
        if (columns.contains(column.asText())) {
          throw error(path, "names column '" + column.asText() + "' twice");
        }
        columns.add(column.asText());
      }
      return List.copyOf(columns);
    }

    private List<ComputedFieldConfig> fields(JsonNode collections) throws ModelException {
      List<ComputedFieldConfig> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String path = "collections." + entry.getKey() + ".fields";
        JsonNode declared = entry.getValue().get("fields");
        if (declared == null || declared.isNull()) {
          continue;
        }
        if (!declared.isObject()) {
          throw error(path, "must be a mapping of field names to `{ type: BIGINT, sql: ... }`");
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = declared.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> field = f.next();
          String fieldPath = path + "." + field.getKey();
          JsonNode node = field.getValue();
          if (node == null || !node.isObject()) {
            throw error(fieldPath, "must be a mapping like `{ type: BIGINT, sql: \"(SELECT ...)\" }`");
          }
          checkKeys(node, fieldPath, Set.of("type", "sql"));
          String type = optionalText(node, fieldPath, "type").orElseThrow(() -> error(
              fieldPath + ".type", "missing; declare the field's SQL type, e.g. `type: BIGINT`"));
          String sql = optionalText(node, fieldPath, "sql").orElseThrow(() -> error(
              fieldPath + ".sql", "missing; give the SQL expression that computes it"));
          try {
            fields.add(new ComputedFieldConfig(entry.getKey(), field.getKey(),
                DeclaredType.parse(type), sql, fieldPath));
          } catch (IllegalArgumentException e) {
            throw error(fieldPath + ".type", e.getMessage());
          }
        }
      }
      return fields;
    }

    /** Checks a {@code <datasource>.<collection>} reference names a declared datasource. */
    private void collectionName(String path, String name, Set<String> datasources)
        throws ModelException {
      int dot = name.indexOf('.');
      if (dot <= 0 || dot == name.length() - 1) {
        throw error(path, "'" + name + "' must name a collection as <datasource>.<collection>,"
            + " e.g. crm.towns");
      }
      String datasource = name.substring(0, dot);
      if (!datasources.contains(datasource)) {
        throw error(path, "unknown datasource '" + datasource + "'"
            + Suggestions.didYouMean(datasource, datasources) + "; declared datasources: "
            + String.join(", ", datasources));
      }
    }

    private RelationConfig relation(String origin, String name, String path, JsonNode node,
        Set<String> datasources) throws ModelException {
      if (node == null || !node.isObject()) {
        throw error(path, "must be a mapping like `{ type: ManyToOne, foreignCollection:"
            + " crm.countries, foreignKey: country_id }`");
      }
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw error(path, "relation name '" + name + "' must be a plain identifier");
      }
      JsonNode declaredType = node.get("type");
      checkKeys(node, path, declaredType != null && "External".equals(declaredType.asText())
          ? EXTERNAL_RELATION_KEYS : RELATION_KEYS);
      String typeName = optionalText(node, path, "type").orElseThrow(() -> error(path + ".type",
          "missing; add `type:` with one of ManyToOne, OneToOne, OneToMany, ManyToMany,"
              + " External"));
      RelationKind kind;
      try {
        kind = RelationKind.valueOf(typeName);
      } catch (IllegalArgumentException e) {
        List<String> kinds = java.util.Arrays.stream(RelationKind.values()).map(Enum::name)
            .toList();
        throw error(path + ".type", "unknown relation type '" + typeName + "'"
            + Suggestions.didYouMean(typeName, kinds) + "; use one of " + String.join(", ", kinds));
      }
      if (kind == RelationKind.External) {
        return new RestModelReader(this).externalRelation(origin, name, path, node);
      }
      String foreign = optionalText(node, path, "foreignCollection").orElseThrow(() -> error(
          path + ".foreignCollection", "missing; name the related collection as"
              + " <datasource>.<collection>"));
      collectionName(path + ".foreignCollection", foreign, datasources);
      Optional<String> through = optionalText(node, path, "throughCollection");
      if (through.isEmpty() && node.has("thoughCollection")) {
        LOG.warn("{}: {}.thoughCollection is read as throughCollection; spell it"
            + " throughCollection", origin(), path);
        through = optionalText(node, path, "thoughCollection");
      }
      Optional<String> originKey = optionalText(node, path, "originKey");
      Optional<String> foreignKey = optionalText(node, path, "foreignKey");
      switch (kind) {
        case ManyToOne -> {
          require(foreignKey, path + ".foreignKey", "the origin's column that holds the"
              + " target's key, e.g. `foreignKey: country_id`");
          for (String key : List.of("originKey", "originKeyTarget")) {
            forbid(node, path, key, "a ManyToOne relation uses foreignKey and foreignKeyTarget");
          }
          for (String key : List.of("throughCollection", "thoughCollection")) {
            forbid(node, path, key, "only ManyToMany relations have one");
          }
        }
        case OneToOne, OneToMany -> {
          require(originKey, path + ".originKey", "the target's column that holds the"
              + " origin's key, e.g. `originKey: town_id`");
          for (String key : List.of("foreignKey", "foreignKeyTarget")) {
            forbid(node, path, key, "a " + kind + " relation uses originKey and originKeyTarget");
          }
          for (String key : List.of("throughCollection", "thoughCollection")) {
            forbid(node, path, key, "only ManyToMany relations have one");
          }
        }
        case ManyToMany -> {
          require(through, path + ".throughCollection", "the collection that pairs the keys,"
              + " e.g. `throughCollection: crm.utilityContracts`");
          collectionName(path + ".throughCollection", through.get(), datasources);
          require(originKey, path + ".originKey", "the through collection's column that holds"
              + " the origin's key");
          require(foreignKey, path + ".foreignKey", "the through collection's column that"
              + " holds the target's key");
        }
        default -> throw new IllegalStateException(kind.name());
      }
      Optional<DeclaredType> compareAs = Optional.empty();
      Optional<String> compareAsText = optionalText(node, path, "compareAs");
      if (compareAsText.isPresent()) {
        try {
          compareAs = Optional.of(DeclaredType.parse(compareAsText.get()));
        } catch (IllegalArgumentException e) {
          throw error(path + ".compareAs", e.getMessage());
        }
        if (compareAs.get().array()) {
          throw error(path + ".compareAs", "keys compare as single values; use a type such as"
              + " VARCHAR or BIGINT, not an array");
        }
      }
      return new RelationConfig(origin, name, kind, foreign, through, originKey,
          optionalText(node, path, "originKeyTarget"), foreignKey,
          optionalText(node, path, "foreignKeyTarget"), compareAs,
          optionalText(node, path, "view"), path, Optional.empty());
    }

    private String origin() {
      return origin;
    }

    private void require(Optional<String> value, String path, String what)
        throws ModelException {
      if (value.isEmpty()) {
        throw error(path, "missing; add " + what);
      }
    }

    private void forbid(JsonNode node, String path, String key, String why)
        throws ModelException {
      if (node.has(key)) {
        throw error(path + "." + key, "not allowed here: " + why);
      }
    }

    private DatasourceConfig datasource(String name, String path, JsonNode node)
        throws ModelException {
      if (node == null || !node.isObject()) {
        throw error(path, "must be a mapping with at least `type:` and the source's location");
      }
      String typeName = optionalText(node, path, "type").orElseThrow(() -> error(path + ".type",
          "missing; add `type:` with one of " + typeNames()));
      DatasourceType type = DatasourceType.fromModelName(typeName).orElseThrow(() ->
          error(path + ".type", "unknown type '" + typeName + "'"
              + Suggestions.didYouMean(typeName, typeNameList()) + "; use one of " + typeNames()));
      if (!type.supported) {
        throw error(path + ".type", "type '" + typeName + "' is not supported by this build yet;"
            + " supported types: " + String.join(", ", supportedTypeNames()));
      }
      return switch (type) {
        case MONGODB -> mongoDatasource(name, path, node);
        case REST -> new RestModelReader(this).datasource(name, path, node);
        case GRAPHQL -> new GraphQlModelReader(this).datasource(name, path, node);
        default -> sqlDatasource(name, type, path, node);
      };
    }

    private MongoDatasourceConfig mongoDatasource(String name, String path, JsonNode node)
        throws ModelException {
      checkKeys(node, path, MONGO_SOURCE_KEYS);
      String uri = optionalText(node, path, "uri").orElseThrow(() -> error(path + ".uri",
          "missing; add the MongoDB connection string, e.g. `uri: mongodb://host:27017`"));
      if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
        throw error(path + ".uri", "'" + uri.replaceFirst("//[^@/]*@", "//")
            + "' is not a MongoDB connection string; it must start with mongodb://");
      }
      String database = optionalText(node, path, "database").orElseThrow(() -> error(
          path + ".database", "missing; add the name of the MongoDB database, e.g."
              + " `database: shop`"));
      Map<String, List<DeclaredColumn>> pinned = new LinkedHashMap<>();
      JsonNode collections = node.get("collections");
      if (collections != null && !collections.isNull()) {
        if (!collections.isObject()) {
          throw error(path + ".collections", "must be a mapping of collection names to"
              + " `{ schema: { column: TYPE, ... } }`");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          pinned.put(entry.getKey(), declaredSchema(path + ".collections." + entry.getKey(),
              entry.getValue()));
        }
      }
      return new MongoDatasourceConfig(name, uri, database,
          positiveInt(node, path, "sampleSize", MongoDatasourceConfig.DEFAULT_SAMPLE_SIZE),
          positiveInt(node, path, "batchSize", MongoDatasourceConfig.DEFAULT_BATCH_SIZE),
          pinned);
    }

    List<DeclaredColumn> declaredSchema(String path, JsonNode node)
        throws ModelException {
      if (node == null || !node.isObject()) {
        throw error(path, "must be a mapping with `schema: { column: TYPE, ... }`");
      }
      checkKeys(node, path, PINNED_COLLECTION_KEYS);
      return schemaColumns(path + ".schema", node.get("schema"));
    }

    /** {@code { column: TYPE, ... }}: declared columns, in order. */
    List<DeclaredColumn> schemaColumns(String path, JsonNode schema) throws ModelException {
      if (schema == null || !schema.isObject() || schema.isEmpty()) {
        throw error(path, "declare the columns, e.g."
            + " `schema: { _id: VARCHAR, name: VARCHAR, \"address.city\": VARCHAR }`");
      }
      List<DeclaredColumn> columns = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        String columnPath = path + "." + column.getKey();
        if (!column.getValue().isTextual()) {
          throw error(columnPath, "must be a SQL type name such as VARCHAR or BIGINT");
        }
        try {
          columns.add(new DeclaredColumn(column.getKey(),
              DeclaredType.parse(column.getValue().asText())));
        } catch (IllegalArgumentException e) {
          throw error(columnPath, e.getMessage());
        }
      }
      return List.copyOf(columns);
    }

    private SqlDatasourceConfig sqlDatasource(String name, DatasourceType type, String path,
        JsonNode node) throws ModelException {
      checkKeys(node, path, SQL_SOURCE_KEYS);
      String url = optionalText(node, path, "url").orElseThrow(() -> error(path + ".url",
          "missing; add the JDBC URL of the database, e.g. `url: "
              + (type == DatasourceType.POSTGRESQL ? "jdbc:postgresql://host:5432/dbname"
                  : "jdbc:<driver>://host/dbname") + "`"));
      if (!url.startsWith("jdbc:")) {
        throw error(path + ".url", "'" + url + "' is not a JDBC URL; it must start with jdbc:");
      }
      if (type == DatasourceType.POSTGRESQL && !url.startsWith("jdbc:postgresql:")) {
        throw error(path + ".url", "a postgresql datasource needs a jdbc:postgresql:// URL;"
            + " for another database use `type: jdbc`");
      }
      List<String> schemas = stringList(node, path, "schemas");
      if (schemas.isEmpty() && type == DatasourceType.POSTGRESQL) {
        schemas = List.of("public");
      }
      Optional<String> dialect = optionalText(node, path, "dialect");
      if (dialect.isPresent() && type == DatasourceType.POSTGRESQL) {
        throw error(path + ".dialect", "a postgresql datasource always uses the PostgreSQL"
            + " dialect; remove `dialect:`");
      }
      return new SqlDatasourceConfig(name, type, url,
          optionalText(node, path, "user"),
          optionalText(node, path, "password"),
          List.copyOf(schemas),
          dialect,
          positiveInt(node, path, "fetchSize", SqlDatasourceConfig.DEFAULT_FETCH_SIZE),
          positiveInt(node, path, "maxPoolSize", SqlDatasourceConfig.DEFAULT_MAX_POOL_SIZE));
    }

    void checkKeys(JsonNode node, String path, Set<String> allowed) throws ModelException {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          String at = path.isEmpty() ? key : path + "." + key;
          throw error(at, "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
              + "; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
        }
      }
    }

    /**
     * A text value. YAML reads unquoted {@code 0123} as the number 83 and {@code yes} as true;
     * taking those for text would silently change passwords and names, so they must be quoted.
     */
    Optional<String> optionalText(JsonNode node, String path, String key)
        throws ModelException {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw error(path + "." + key, value.isValueNode()
            ? "YAML reads this unquoted value as a " + value.getNodeType().name().toLowerCase(
                Locale.ROOT) + " (" + value.asText() + "); quote it: " + key + ": \"...\""
            : "must be a single value, not a list or mapping");
      }
      return Optional.of(substitute(path + "." + key, value.asText()));
    }

    List<String> stringList(JsonNode node, String path, String key) throws ModelException {
      JsonNode value = node.get(key);
      List<String> result = new ArrayList<>();
      if (value == null || value.isNull()) {
        return result;
      }
      if (!value.isArray()) {
        throw error(path + "." + key, "must be a list, e.g. `" + key + ": [public]`");
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isValueNode()) {
          throw error(path + "." + key + "[" + i + "]", "must be a name");
        }
        result.add(substitute(path + "." + key + "[" + i + "]", item.asText()));
      }
      return result;
    }

    int positiveInt(JsonNode node, String path, String key, int fallback)
        throws ModelException {
      JsonNode raw = node.get(key);
      Optional<String> text = raw != null && raw.isIntegralNumber()
          ? Optional.of(raw.asText()) : optionalText(node, path, key);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(text.get().trim());
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(path + "." + key, "'" + text.get() + "' is not a positive whole number");
    }

    String substitute(String path, String value) throws ModelException {
      try {
        return env.apply(value);
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    ModelException error(String path, String problem) {
      return new ModelException(origin + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
    }
  }

  private static List<String> typeNameList() {
    List<String> names = new ArrayList<>();
    for (DatasourceType t : DatasourceType.values()) {
      names.add(t.modelName());
    }
    return names;
  }

  private static List<String> supportedTypeNames() {
    List<String> names = new ArrayList<>();
    for (DatasourceType t : DatasourceType.values()) {
      if (t.supported) {
        names.add(t.modelName());
      }
    }
    return names;
  }

  private static String typeNames() {
    return String.join(" | ", typeNameList());
  }
}
