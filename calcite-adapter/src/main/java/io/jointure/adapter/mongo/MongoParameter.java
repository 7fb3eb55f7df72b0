package io.jointure.adapter.mongo;

import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.bson.BsonSymbol;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A comparison of a field with a statement parameter ({@code price < ?}, or a literal of a cached
 * plan's text), held in a pipeline until a run gives the value: {@link #bind} puts the comparison
 * with the value as BSON in its place, never as query text. A NULL value matches no document (a
 * comparison with NULL is not true in SQL, and comparisons are never negated in a filter).
 */
record MongoParameter(int index, MongoField field, SqlKind kind, SqlTypeName type) {
  /** The key of the placeholder document: {@code {"\u0000parameter": MongoParameter}}. */
  private static final String KEY = "\u0000parameter";

  /** Shows placeholders as {@code ?0}, in JSON otherwise as {@code Document.toJson()} writes. */
  static final JsonWriterSettings SHOWN = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
      .symbolConverter((value, writer) -> writer.writeRaw(value)).build();

  /** Whether parameters of this type can be compared with the field in MongoDB as in SQL. */
  static boolean canCompare(MongoField field, SqlTypeName type, SqlKind kind) {
    if (field.objectId()) {
      return SqlTypeName.CHAR_TYPES.contains(type)
          && (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS);
    }
    return SqlTypeName.CHAR_TYPES.contains(type) || SqlTypeName.NUMERIC_TYPES.contains(type)
        || type == SqlTypeName.BOOLEAN || type == SqlTypeName.TIMESTAMP;
  }

  /** The placeholder to put in a {@code $match} document. */
  Document placeholder() {
    return new Document(KEY, this);
  }

  /** Whether a pipeline holds placeholders. */
  static boolean anyIn(List<Document> pipeline) {
    return pipeline.stream().anyMatch(MongoParameter::anyIn);
  }

  private static boolean anyIn(Object value) {
    if (value instanceof Document document) {
      return document.containsKey(KEY) || document.values().stream()
          .anyMatch(MongoParameter::anyIn);
    }
    return value instanceof List<?> list && list.stream().anyMatch(MongoParameter::anyIn);
  }

  /** The pipeline with each placeholder replaced by its comparison with this run's value. */
  static List<Document> bind(List<Document> pipeline, DataContext context) {
    return replace(pipeline, p -> p.comparison(context.get("?" + p.index)));
  }

  /** The pipeline with placeholders shown as {@code ?0}, for EXPLAIN. */
  static List<Document> shown(List<Document> pipeline) {
    return replace(pipeline, p -> MongoFilterTranslator.comparison(p.field, p.kind,
        new BsonSymbol("?" + p.index)));
  }

  private static List<Document> replace(List<Document> pipeline,
      java.util.function.Function<MongoParameter, Document> with) {
    List<Document> replaced = new ArrayList<>(pipeline.size());
    for (Document stage : pipeline) {
      replaced.add((Document) replace((Object) stage, with));
    }
    return replaced;
  }

  private static Object replace(Object value,
      java.util.function.Function<MongoParameter, Document> with) {
    if (value instanceof Document document) {
      if (document.get(KEY) instanceof MongoParameter parameter) {
        return with.apply(parameter);
      }
      Document copy = new Document();
      for (Map.Entry<String, Object> entry : document.entrySet()) {
        copy.append(entry.getKey(), replace(entry.getValue(), with));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(replace(element, with));
      }
      return copy;
    }
    return value;
  }

  /** The comparison with a run's value (Calcite's representation of the parameter's type). */
  private Document comparison(Object value) {
    Object bson = value == null ? null : bson(value);
    if (bson == null) {
      if (value != null && field.objectId() && kind == SqlKind.NOT_EQUALS) {
        return new Document(field.path(), new Document("$ne", null)); // no ObjectId is this text
      }
      return new Document(field.path(), new Document("$in", List.of())); // matches nothing
    }
    return MongoFilterTranslator.comparison(field, kind, bson);
  }

  /** The value as the field stores it, or null when no stored value can equal it. */
  private Object bson(Object value) {
    if (SqlTypeName.CHAR_TYPES.contains(type)) {
      String s = value.toString();
      if (field.objectId()) {
        return ObjectId.isValid(s) && s.equals(s.toLowerCase(Locale.ROOT)) ? new ObjectId(s)
            : null;
      }
      return s;
    }
    if (type == SqlTypeName.TIMESTAMP) {
      // Calcite holds a timestamp parameter as wall-clock milliseconds, as a literal's.
      return Date.from(SqlValues.instant(((Number) value).longValue()));
    }
    if (type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT || type == SqlTypeName.REAL) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Number number) {
      BigDecimal n = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
      Long whole = SqlValues.wholeLong(n);
      return whole != null ? (Object) whole : new Decimal128(n);
    }
    return value; // Boolean
  }
}
