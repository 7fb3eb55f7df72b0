package io.jointure.adapter;

import io.jointure.model.DeclaredKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A table's keys: those its source reports (a primary key, unique constraints and indexes,
 * MongoDB's {@code _id} and unique indexes) with those the model declares. A declared primary
 * key is the primary key where the source reports none, and one more unique key where it does.
 *
 * @param primaryKey primary key columns in key order; empty when there is none
 * @param uniqueKeys every unique key, the primary key first
 */
public record TableKeys(List<String> primaryKey, List<List<String>> uniqueKeys) {
  public static TableKeys of(List<String> sourcePrimaryKey, List<List<String>> sourceUniqueKeys,
      DeclaredKeys declared) {
    List<String> primaryKey = sourcePrimaryKey.isEmpty() ? declared.primaryKey()
        : sourcePrimaryKey;
    List<List<String>> unique = new ArrayList<>();
    add(unique, primaryKey);
    sourceUniqueKeys.forEach(key -> add(unique, key));
    add(unique, declared.primaryKey());
    declared.uniqueKeys().forEach(key -> add(unique, key));
    return new TableKeys(List.copyOf(primaryKey), List.copyOf(unique));
  }

  private static void add(List<List<String>> keys, List<String> key) {
    if (!key.isEmpty() && !keys.contains(key)) {
      keys.add(List.copyOf(key));
    }
  }

  /** The unique keys as column positions, for Calcite's statistics; keys naming no column skipped. */
  public List<ImmutableBitSet> bitSets(List<String> columns) {
    List<ImmutableBitSet> bits = new ArrayList<>();
    for (List<String> key : uniqueKeys) {
      List<Integer> positions = key.stream().map(columns::indexOf).toList();
      if (!positions.contains(-1)) {
        bits.add(ImmutableBitSet.of(positions));
      }
    }
    return bits;
  }
}
