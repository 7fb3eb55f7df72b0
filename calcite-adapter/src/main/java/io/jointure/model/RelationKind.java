package io.jointure.model;

/** The kinds of declared relation ({@code type:} of a relation), as the seeds name them. */
public enum RelationKind {
  /** The origin carries a key to one target row ({@code foreignKey}). */
  ManyToOne,
  /** One target row carries a key to the origin ({@code originKey}). */
  OneToOne,
  /** Target rows carry a key to the origin ({@code originKey}). */
  OneToMany,
  /** A through collection pairs origin keys ({@code originKey}) with target keys
   * ({@code foreignKey}). */
  ManyToMany,
  /** Records fetched per origin row from an API (a URL template) or a Java function. */
  External;

  /** Whether each origin row has at most one related row. */
  public boolean toOne() {
    return this == ManyToOne || this == OneToOne;
  }
}
