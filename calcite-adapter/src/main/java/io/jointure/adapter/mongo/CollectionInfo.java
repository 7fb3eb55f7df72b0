package io.jointure.adapter.mongo;

import java.util.List;

/**
 * A MongoDB collection as Jointure sees it.
 *
 * @param name            collection name
 * @param columns         inferred or declared columns, {@code _id} first
 * @param documentCount   the server's estimate of the number of documents
 * @param objectIdKeys    whether {@code _id} holds ObjectIds (exposed as hex strings, so filters
 *                        on {@code _id} must turn strings back into ObjectIds)
 */
public record CollectionInfo(String name, List<MongoColumn> columns, long documentCount,
    boolean objectIdKeys) {
}
