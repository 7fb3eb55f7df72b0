package io.jointure.adapter.relations;

/** A declared relation that cannot be built; the message names the model path and the fix. */
public final class RelationException extends Exception {
  public RelationException(String message) {
    super(message);
  }
}
