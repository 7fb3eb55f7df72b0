package io.jointure.adapter.relations;

import io.jointure.model.ComputedFieldConfig;
import io.jointure.model.JavaComputedField;
import io.jointure.model.Model;
import io.jointure.sql.errors.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Installs a model's computed fields: each collection with fields is replaced in its schema by a
 * {@link ComputedFieldsTable}, before relations are built so that a computed field can be a
 * relation's key.
 */
public final class ComputedFields {
  private ComputedFields() {
  }

  public static void addTo(SchemaPlus root, RelDataTypeFactory typeFactory, Model model)
      throws RelationException {
    Map<String, List<ComputedFieldConfig>> byCollection = model.fields().stream().collect(
        Collectors.groupingBy(ComputedFieldConfig::collection, LinkedHashMap::new,
            Collectors.toList()));
    Map<String, List<JavaComputedField>> javaByCollection = model.javaFields().stream().collect(
        Collectors.groupingBy(JavaComputedField::collection, LinkedHashMap::new,
            Collectors.toList()));
    Set<String> collections = new java.util.LinkedHashSet<>(byCollection.keySet());
    collections.addAll(javaByCollection.keySet());
    for (String reference : collections) {
      List<ComputedFieldConfig> sqlFields = byCollection.getOrDefault(reference, List.of());
      List<JavaComputedField> javaFields = javaByCollection.getOrDefault(reference, List.of());
      String datasource = reference.substring(0, reference.indexOf('.'));
      String collection = reference.substring(reference.indexOf('.') + 1);
      SchemaPlus schema = root.subSchemas().get(datasource);
      Table base = schema == null ? null : schema.tables().get(collection);
      if (base == null) {
        Set<String> names = schema == null ? Set.of() : schema.tables().getNames(
            LikePattern.any());
        throw new RelationException(model.origin() + ": collections." + reference
            + ": unknown collection '" + reference + "'" + Suggestions.didYouMean(collection,
                names));
      }
      RelDataType baseRow = base.getRowType(typeFactory);
      Set<String> columns = new java.util.LinkedHashSet<>(baseRow.getFieldNames());
      for (ComputedFieldConfig field : sqlFields) {
        if (!columns.add(field.name())) {
          throw new RelationException(model.origin() + ": " + field.path() + ": "
              + reference + " already has a column named '" + field.name()
              + "'; name the computed field differently");
        }
      }
      // Java fields read the collection's columns and its SQL fields, not one another.
      Set<String> readable = new java.util.LinkedHashSet<>(columns);
      for (JavaComputedField field : javaFields) {
        String place = model.origin() + ": customizeCollection(\"" + reference
            + "\").addField(\"" + field.name() + "\")";
        for (String dependency : field.dependencies()) {
          if (!readable.contains(dependency)) {
            throw new RelationException(place + ": unknown dependency '" + dependency + "'"
                + Suggestions.didYouMean(dependency, readable) + "; a Java field may depend on"
                + " the collection's columns and SQL fields: " + String.join(", ", readable));
          }
        }
        if (!columns.add(field.name())) {
          throw new RelationException(place + ": " + reference + " already has a column named '"
              + field.name() + "'; name the computed field differently");
        }
      }
      schema.add(collection + ComputedFieldsTable.BASE_SUFFIX, base);
      schema.add(collection, new ComputedFieldsTable(datasource, collection, base, sqlFields,
          javaFields));
    }
  }
}
