package io.jointure.adapter.mongo;

import io.jointure.adapter.SqlTypeSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Infers a collection's columns from sample documents: nested documents become dotted columns
 * ({@code address.city}), arrays become SQL arrays of their widened element type (arrays of
 * documents: arrays of JSON text), and each column's type is the widening of every type seen.
 * It also records which kinds of value each field held, for {@link MongoColumn#objectIds()} and
 * {@link MongoColumn#comparable()}.
 */
final class SchemaInference {
  /** Kinds of value MongoDB compares among themselves as SQL would. */
  private enum Kind { STRING, NUMBER, BOOLEAN, DATE, OBJECT_ID, BINARY, OTHER }

  private final Map<String, SqlTypeSpec> columns = new LinkedHashMap<>();
  private final Map<String, EnumSet<Kind>> kinds = new HashMap<>();

  void add(BsonDocument document) {
    addFields("", document);
  }

  private void addFields(String prefix, BsonDocument document) {
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      String path = prefix + field.getKey();
      BsonValue value = field.getValue();
      if (value.isDocument()) {
        addFields(path + ".", value.asDocument());
      } else {
        Kind kind = kindOf(value);
        if (kind != null) {
          kinds.computeIfAbsent(path, p -> EnumSet.noneOf(Kind.class)).add(kind);
        }
        SqlTypeSpec type = typeOf(value);
        if (type == null) {
          columns.putIfAbsent(path, null);
        } else {
          columns.merge(path, type, BsonTypes::widen);
        }
      }
    }
  }

  private static Kind kindOf(BsonValue value) {
    return switch (value.getBsonType()) {
      case STRING -> Kind.STRING;
      case INT32, INT64, DOUBLE, DECIMAL128 -> Kind.NUMBER;
      case BOOLEAN -> Kind.BOOLEAN;
      case DATE_TIME -> Kind.DATE;
      case OBJECT_ID -> Kind.OBJECT_ID;
      case BINARY -> Kind.BINARY;
      // null says nothing; documents, arrays and the rest never compare as SQL values do
      case NULL, UNDEFINED -> null;
      default -> Kind.OTHER;
    };
  }

  /** An array's element type is null until an element is seen: [] says nothing. */
  private static SqlTypeSpec typeOf(BsonValue value) {
    if (value.isArray()) {
      SqlTypeSpec element = null;
      for (BsonValue item : (BsonArray) value) {
        SqlTypeSpec itemType = item.isDocument() || item.isArray()
            ? SqlTypeSpec.of(SqlTypeName.VARCHAR) : BsonTypes.of(item.getBsonType());
        element = BsonTypes.widen(element, itemType);
      }
      return SqlTypeSpec.arrayOf(element);
    }
    return BsonTypes.of(value.getBsonType());
  }

  /** Columns with {@code _id} first; fields (and array elements) only ever null are VARCHAR. */
  List<MongoColumn> columns() {
    List<MongoColumn> result = new ArrayList<>();
    result.add(column("_id", columns.get("_id")));
    columns.forEach((path, type) -> {
      if (!path.equals("_id")) {
        result.add(column(path, type));
      }
    });
    return result;
  }

  /** The column at {@code path} with a given type, and what the sample says of its values. */
  MongoColumn column(String path, SqlTypeSpec type) {
    SqlTypeSpec varchar = SqlTypeSpec.of(SqlTypeName.VARCHAR);
    if (type == null) {
      type = varchar;
    } else if (type.name() == SqlTypeName.ARRAY && type.element() == null) {
      type = SqlTypeSpec.arrayOf(varchar);
    }
    Set<Kind> seen = kinds.getOrDefault(path, EnumSet.noneOf(Kind.class));
    boolean objectIds = !seen.isEmpty() && seen.equals(EnumSet.of(Kind.OBJECT_ID));
    boolean comparable = seen.size() <= 1 && !seen.contains(Kind.OTHER)
        && type.name() != SqlTypeName.ARRAY;
    return new MongoColumn(path, type, objectIds, comparable);
  }
}
