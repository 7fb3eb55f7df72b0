package io.jointure.adapter.relations;

import io.jointure.model.RelationConfig;
import io.jointure.model.RelationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared relation resolved against the sources: which tables and columns it joins, and the
 * view that shows it. Tables are {@code [datasource, table]}.
 *
 * @param config   the relation as the model declares it
 * @param view     the view's qualified name
 * @param origin   the origin table
 * @param target   the related table
 * @param through  the through table of a ManyToMany, else null
 * @param keys     the key links it declares, each from the column holding a key to the column
 *                 it refers to (a ManyToMany has two, both held by its through table)
 */
public record DeclaredRelation(RelationConfig config, List<String> view, List<String> origin,
    List<String> target, List<String> through, List<KeyLink> keys) {

  /**
   * A foreign-key-like link: {@code holder.holderColumn} refers to {@code referenced.column}.
   *
   * @param name a name for tools that show foreign keys
   */
  public record KeyLink(String name, List<String> holder, String holderColumn,
      List<String> referenced, String referencedColumn) {
  }

  static List<KeyLink> keysOf(RelationConfig config, ResolvedKey originSide, ResolvedKey otherSide,
      ResolvedKey throughForeign, ResolvedKey targetKey) {
    List<KeyLink> keys = new ArrayList<>();
    String name = "jointure_" + config.name();
    if (config.kind() == RelationKind.ManyToOne) {
      keys.add(link(name, originSide, otherSide));
    } else if (config.kind() == RelationKind.ManyToMany) {
      keys.add(link(name + "_origin", otherSide, originSide));
      keys.add(link(name + "_target", throughForeign, targetKey));
    } else {
      keys.add(link(name, otherSide, originSide));
    }
    return keys;
  }

  private static KeyLink link(String name, ResolvedKey holder, ResolvedKey referenced) {
    return new KeyLink(name, holder.table(), holder.column(), referenced.table(),
        referenced.column());
  }
}
