package io.jointure.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model} option that commands working on a model share. */
final class ModelOption {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<file>",
      description = "the model file (YAML or JSON) naming the datasources and relations")
  Path model;

  /** The embedded JDBC URL of the model, once the file is known to exist. */
  String jdbcUrl() {
    return jdbcUrl(model);
  }

  static String jdbcUrl(Path model) {
    if (model.toString().startsWith("jdbc:")) {
      throw new UserError(model + " is a JDBC URL, not a model file; `jointure sql` takes it"
          + " with --url");
    }
    if (!Files.isRegularFile(model)) {
      throw new UserError("model file " + model + " not found; pass the path of a model file"
          + " with --model (see the README's 'A minimal model')");
    }
    if (!Files.isReadable(model)) {
      throw new UserError("model file " + model + " cannot be read; check its permissions");
    }
    return "jdbc:jointure:model=" + model.toAbsolutePath();
  }
}
