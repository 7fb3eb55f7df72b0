package io.jointure.pgwire.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHOW name and SHOW ALL, answered from the session's settings as PostgreSQL answers them. */
final class Show {
  private Show() {
  }

  /** SHOW's column is the setting's name as written; SHOW ALL has a name and a setting. */
  static List<String> columnNames(SessionCommand show) {
    String name = settingName(show);
    return name.equalsIgnoreCase("all") ? List.of("name", "setting")
        : List.of(name.toLowerCase(java.util.Locale.ROOT));
  }

  static String settingName(SessionCommand show) {
    if (show.word(1).equals("time") && show.word(2).equals("zone")) {
      return "TimeZone";
    }
    if (show.word(1).equals("transaction") && show.word(2).equals("isolation")) {
      return "transaction_isolation";
    }
    StringBuilder name = new StringBuilder();
    for (int i = 1; i < show.words().size() && !show.words().get(i).isSymbol(";"); i++) {
      name.append(show.words().get(i).text().replace("\"", ""));
    }
    return name.toString();
  }

  /** The rows SHOW answers; an unknown setting is 42704, as in PostgreSQL. */
  static List<List<String>> rows(SessionCommand show, SessionSettings settings) {
    String name = settingName(show);
    if (name.equalsIgnoreCase("all")) {
      List<List<String>> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : new TreeMap<>(settings.all()).entrySet()) {
        rows.add(List.of(e.getKey(), e.getValue()));
      }
      return rows;
    }
    String value = settings.get(name);
    if (value == null) {
      throw new SessionException("42704", "unrecognized configuration parameter \"" + name
          + "\"");
    }
    return List.of(List.of(value));
  }
}
