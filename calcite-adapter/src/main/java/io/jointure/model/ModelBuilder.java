package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A model built in Java, in the seeds' style: datasources from a model file, relations and
 * computed fields declared in code.
 *
 * <pre>{@code
 * Model model = ModelBuilder.fromFile(Path.of("model.yaml"))
 *     .customizeCollection("crm.towns", towns -> towns
 *         .addManyToOneRelation("country", "crm.countries", RelationOptions.foreignKey("country_id"))
 *         .addOneToManyRelation("inhabitants", "shop.people", RelationOptions.originKey("town_id")))
 *     .build();
 * }</pre>
 *
 * What is declared in code goes through the same validation as the model file, with the same
 * messages ({@code collections.crm.towns.relations.country.foreignKey: ...}).
 */
public final class ModelBuilder {
  private final String origin;
  private final ObjectNode root;
  private final List<PendingField> javaFields = new ArrayList<>();
  /** External relations' functions, by {@code <datasource>.<collection>.<relation>}. */
  private final Map<String, Function<Row, List<Row>>> externalFunctions = new LinkedHashMap<>();

  private ModelBuilder(String origin, ObjectNode root) {
    this.origin = origin;
    this.root = root;
  }

  public static ModelBuilder fromYaml(String origin, String yaml) throws ModelException {
    try {
      JsonNode tree = new YAMLMapper().readTree(yaml);
      if (!(tree instanceof ObjectNode object)) {
        throw new ModelException(origin + ": the model must be a mapping with `version: 1` and"
            + " `datasources:`");
      }
      return new ModelBuilder(origin, object);
    } catch (IOException e) {
      throw new ModelException(origin + ": not valid YAML or JSON: " + e.getMessage(), e);
    }
  }

  public static ModelBuilder fromFile(Path path) throws ModelException {
    try {
      return fromYaml(path.toString(), Files.readString(path));
    } catch (IOException e) {
      throw new ModelException("cannot read model file " + path.toAbsolutePath() + ": " + e, e);
    }
  }

  /** Declares relations and fields of {@code <datasource>.<collection>}. */
  public ModelBuilder customizeCollection(String collection,
      Consumer<CollectionCustomizer> customize) {
    ObjectNode collections = objectAt(root, "collections");
    ObjectNode node = objectAt(collections, collection);
    customize.accept(new CollectionCustomizer(collection, node, javaFields, externalFunctions));
    return this;
  }

  /** The mapping under {@code key}, made one if it is missing, null or not a mapping. */
  private static ObjectNode objectAt(ObjectNode parent, String key) {
    JsonNode existing = parent.get(key);
    return existing instanceof ObjectNode object ? object : parent.putObject(key);
  }

  /** The model, validated as a model file is. */
  public Model build() throws ModelException {
    List<JavaComputedField> fields = new ArrayList<>();
    for (PendingField pending : javaFields) {
      try {
        fields.add(new JavaComputedField(pending.collection, pending.name,
            DeclaredType.parse(pending.type), pending.dependencies, pending.getValues));
      } catch (IllegalArgumentException e) {
        throw new ModelException(origin + ": customizeCollection(\"" + pending.collection
            + "\").addField(\"" + pending.name + "\"): " + e.getMessage(), e);
      }
    }
    try {
      Model model = new ModelLoader().parse(origin, new ObjectMapper().writeValueAsString(root))
          .withJavaFields(fields);
      List<RelationConfig> relations = new ArrayList<>();
      for (RelationConfig relation : model.relations()) {
        Function<Row, List<Row>> function =
            externalFunctions.get(relation.origin() + "." + relation.name());
        relations.add(function == null ? relation : relation.withFunction(function));
      }
      return model.withRelations(relations);
    } catch (IOException e) {
      throw new ModelException(origin + ": " + e.getMessage(), e);
    }
  }

  /** A Java field as declared; its type is checked by {@link #build()}. */
  private record PendingField(String collection, String name, String type,
      List<String> dependencies, Function<List<Row>, List<Object>> getValues) {
  }

  /** The declarations of one collection, as the seeds' {@code customizeCollection} offers. */
  public static final class CollectionCustomizer {
    private final String name;
    private final ObjectNode collection;
    private final List<PendingField> javaFields;
    private final Map<String, Function<Row, List<Row>>> externalFunctions;

    private CollectionCustomizer(String name, ObjectNode collection,
        List<PendingField> javaFields, Map<String, Function<Row, List<Row>>> externalFunctions) {
      this.name = name;
      this.collection = collection;
      this.javaFields = javaFields;
      this.externalFunctions = externalFunctions;
    }

    /** The collection's primary key, where its source reports none (as {@code primaryKey:}). */
    public CollectionCustomizer primaryKey(String... columns) {
      ArrayNode key = collection.putArray("primaryKey");
      for (String column : columns) {
        key.add(column);
      }
      return this;
    }

    /** One more unique key of the collection (as an entry of {@code uniqueKeys:}). */
    public CollectionCustomizer uniqueKey(String... columns) {
      JsonNode existing = collection.get("uniqueKeys");
      ArrayNode keys = existing instanceof ArrayNode array ? array
          : collection.putArray("uniqueKeys");
      ArrayNode key = keys.addArray();
      for (String column : columns) {
        key.add(column);
      }
      return this;
    }

    /**
     * An External relation whose records a Java function gives for one origin row, from the
     * values of {@code dependencies} (the seeds' {@code listRecords}); {@code schema} maps the
     * records' columns to SQL types. Called once per distinct dependency values, side by side.
     */
    public CollectionCustomizer addExternalRelation(String relation, Map<String, String> schema,
        List<String> dependencies, Function<Row, List<Row>> listRecords) {
      ObjectNode node = objectAt(collection, "relations").putObject(relation);
      node.put("type", RelationKind.External.name());
      schema.forEach(node.putObject("schema")::put);
      dependencies.forEach(node.putArray("dependencies")::add);
      externalFunctions.put(name + "." + relation, listRecords);
      return this;
    }

    /** An External relation whose records come from a URL template over the origin's columns. */
    public CollectionCustomizer addExternalRelation(String relation, String urlTemplate,
        Map<String, String> schema) {
      ObjectNode node = objectAt(collection, "relations").putObject(relation);
      node.put("type", RelationKind.External.name()).put("url", urlTemplate);
      schema.forEach(node.putObject("schema")::put);
      return this;
    }

    /**
     * A computed field whose values a Java function gives, for a batch of rows at a time: it
     * receives the distinct values of {@code dependencies} (each batch once, duplicates removed)
     * and answers one value per row, in order. Like the seeds' {@code getValues}.
     */
    public CollectionCustomizer addField(String field, String sqlType, List<String> dependencies,
        Function<List<Row>, List<Object>> getValues) {
      javaFields.add(new PendingField(name, field, sqlType, List.copyOf(dependencies),
          getValues));
      return this;
    }

    public CollectionCustomizer addManyToOneRelation(String name, String foreignCollection,
        RelationOptions options) {
      return relation(name, RelationKind.ManyToOne, foreignCollection, null, options);
    }

    public CollectionCustomizer addOneToOneRelation(String name, String foreignCollection,
        RelationOptions options) {
      return relation(name, RelationKind.OneToOne, foreignCollection, null, options);
    }

    public CollectionCustomizer addOneToManyRelation(String name, String foreignCollection,
        RelationOptions options) {
      return relation(name, RelationKind.OneToMany, foreignCollection, null, options);
    }

    public CollectionCustomizer addManyToManyRelation(String name, String foreignCollection,
        String throughCollection, RelationOptions options) {
      return relation(name, RelationKind.ManyToMany, foreignCollection, throughCollection,
          options);
    }

    /** A computed field: a SQL expression of the given SQL type. */
    public CollectionCustomizer addField(String name, String sqlType, String sql) {
      ObjectNode fields = objectAt(collection, "fields");
      fields.putObject(name).put("type", sqlType).put("sql", sql);
      return this;
    }

    private CollectionCustomizer relation(String name, RelationKind kind,
        String foreignCollection, String throughCollection, RelationOptions options) {
      ObjectNode relations = objectAt(collection, "relations");
      ObjectNode relation = relations.putObject(name);
      relation.put("type", kind.name()).put("foreignCollection", foreignCollection);
      if (throughCollection != null) {
        relation.put("throughCollection", throughCollection);
      }
      options.values().forEach(relation::put);
      return this;
    }
  }
}
