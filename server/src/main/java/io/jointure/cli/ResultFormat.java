package io.jointure.cli;

/** The output formats of {@code jointure sql}. */
enum ResultFormat {
  /** Aligned columns, narrowed to fit the terminal. */
  TABLE,
  /** RFC 4180 CSV with a header line. */
  CSV,
  /** One JSON array of objects, one object per row. */
  JSON;

  ResultWriter writer(int terminalWidth) {
    return switch (this) {
      case TABLE -> new TableWriter(terminalWidth);
      case CSV -> new CsvWriter();
      case JSON -> new JsonWriter();
    };
  }
}
