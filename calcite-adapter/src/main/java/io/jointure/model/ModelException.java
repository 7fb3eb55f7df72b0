package io.jointure.model;

/**
 * A model file that cannot be used. The message always names the file, the place inside it
 * (for example {@code datasources.crm.url}) and what to do about it.
 */
public class ModelException extends Exception {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
