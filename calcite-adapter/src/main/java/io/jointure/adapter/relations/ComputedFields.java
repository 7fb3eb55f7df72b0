package io.jointure.adapter.relations;

import io.jointure.model.ComputedFieldConfig;
import io.jointure.model.Model;
import io.jointure.model.Suggestions;
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
    for (Map.Entry<String, List<ComputedFieldConfig>> entry : byCollection.entrySet()) {
      String reference = entry.getKey();
      String path = entry.getValue().get(0).path();
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
      for (ComputedFieldConfig field : entry.getValue()) {
        if (baseRow.getField(field.name(), false, false) != null) {
          throw new RelationException(model.origin() + ": " + field.path() + ": "
              + reference + " already has a column named '" + field.name()
              + "'; name the computed field differently");
        }
      }
      schema.add(collection + ComputedFieldsTable.BASE_SUFFIX, base);
      schema.add(collection, new ComputedFieldsTable(datasource, collection, base,
          entry.getValue()));
    }
  }
}
