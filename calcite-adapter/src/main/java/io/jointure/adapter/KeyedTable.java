package io.jointure.adapter;

import java.util.List;

/** A source table that knows its keys (primary key first), for declared relations. */
public interface KeyedTable {
  /** Primary key columns in key order; empty when there is none. */
  List<String> primaryKey();

  /** Every unique key the source declares, the primary key included. */
  List<List<String>> uniqueKeys();

  /** The primary key's name in the source, if it has one. */
  default String primaryKeyName() {
    return null;
  }
}
