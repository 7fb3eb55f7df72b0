package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A loaded, validated model: where it came from, its datasources in declaration order, and the
 * {@code collections:} section, kept as written for the relation features that use it.
 *
 * @param origin      the file path, or {@code inline} for a model given in the URL
 * @param datasources datasources by name, in the order the model declares them
 * @param collections the {@code collections:} section (an empty object when absent)
 */
public record Model(String origin, Map<String, DatasourceConfig> datasources, JsonNode collections) {
}
