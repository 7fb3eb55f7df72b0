package io.jointure.model;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${env:NAME:-default}} in model values with environment
 * variables, so that secrets stay out of model files.
 */
final class EnvSubstitution {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> environment;

  EnvSubstitution(Function<String, String> environment) {
    this.environment = environment;
  }

  static EnvSubstitution ofSystem() {
    Map<String, String> env = System.getenv();
    return new EnvSubstitution(env::get);
  }

  /**
   * Substitutes every reference in {@code value}.
   *
   * @throws IllegalArgumentException naming the variable when it is unset and has no default
   */
  String apply(String value) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String fallback = m.group(2);
      String resolved = environment.apply(name);
      if (resolved == null) {
        if (fallback == null) {
          throw new IllegalArgumentException("environment variable " + name + " is not set;"
              + " set it, or give a default with ${env:" + name + ":-value}");
        }
        resolved = fallback;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(resolved));
    }
    m.appendTail(out);
    return out.toString();
  }
}
