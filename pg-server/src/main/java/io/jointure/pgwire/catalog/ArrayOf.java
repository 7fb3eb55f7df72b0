package io.jointure.pgwire.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The element type of the array a catalog function returns as a {@code List}: Java's erased
 * {@code List} would tell Calcite only "array of any", which it cannot compare or index.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ArrayOf {
  SqlTypeName value();
}
