package io.jointure.adapter.mongo;

import java.util.List;

/**
 * A MongoDB collection as Jointure sees it.
 *
 * @param name            collection name
 * @param columns         inferred or declared columns, {@code _id} first
 * @param documentCount   the server's estimate of the number of documents
 * @param uniqueIndexes   the fields of each unique index but {@code _id}'s that is a key: not
 *                        sparse, not partial, on fields that are columns
 */
public record CollectionInfo(String name, List<MongoColumn> columns, long documentCount,
    List<List<String>> uniqueIndexes) {
  /** The position of the {@code _id} column, or -1 if the collection does not expose it. */
  public int idColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).path().equals("_id")) {
        return i;
      }
    }
    return -1;
  }
}
