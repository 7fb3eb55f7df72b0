package io.jointure.adapter.mongo;

import io.jointure.adapter.SqlTypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Infers a collection's columns from sample documents: nested documents become dotted columns
 * ({@code address.city}), arrays become SQL arrays of their widened element type (arrays of
 * documents: arrays of JSON text), and each column's type is the widening of every type seen.
 */
final class SchemaInference {
  private final Map<String, SqlTypeSpec> columns = new LinkedHashMap<>();
  private boolean objectIdKeys = true;
  private int documents;

  void add(BsonDocument document) {
    documents++;
    BsonValue id = document.get("_id");
    if (id == null || id.getBsonType() != BsonType.OBJECT_ID) {
      objectIdKeys = false;
    }
    addFields("", document);
  }

  private void addFields(String prefix, BsonDocument document) {
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      String path = prefix + field.getKey();
      BsonValue value = field.getValue();
      if (value.isDocument()) {
        addFields(path + ".", value.asDocument());
      } else {
        SqlTypeSpec type = typeOf(value);
        if (type == null) {
          columns.putIfAbsent(path, null);
        } else {
          columns.merge(path, type, BsonTypes::widen);
        }
      }
    }
  }

  private static SqlTypeSpec typeOf(BsonValue value) {
    if (value.isArray()) {
      SqlTypeSpec element = null;
      for (BsonValue item : (BsonArray) value) {
        SqlTypeSpec itemType = item.isDocument() || item.isArray()
            ? SqlTypeSpec.of(SqlTypeName.VARCHAR) : BsonTypes.of(item.getBsonType());
        element = BsonTypes.widen(element, itemType);
      }
      return SqlTypeSpec.arrayOf(element == null ? SqlTypeSpec.of(SqlTypeName.VARCHAR) : element);
    }
    return BsonTypes.of(value.getBsonType());
  }

  /** Columns with {@code _id} first; fields only ever seen as null are VARCHAR. */
  List<MongoColumn> columns() {
    List<MongoColumn> result = new ArrayList<>();
    SqlTypeSpec idType = columns.get("_id");
    result.add(new MongoColumn("_id", idType == null ? SqlTypeSpec.of(SqlTypeName.VARCHAR)
        : idType));
    columns.forEach((path, type) -> {
      if (!path.equals("_id")) {
        result.add(new MongoColumn(path, type == null ? SqlTypeSpec.of(SqlTypeName.VARCHAR)
            : type));
      }
    });
    return result;
  }

  boolean objectIdKeys() {
    return documents > 0 && objectIdKeys;
  }
}
