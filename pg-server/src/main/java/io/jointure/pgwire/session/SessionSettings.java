package io.jointure.pgwire.session;

import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A session's run-time settings as PostgreSQL keeps them: what SHOW answers, what SET and RESET
 * change, and which of them the server reports to the client as ParameterStatus (clients switch
 * features on {@code server_version} and require UTF8 and ISO dates). Settings Jointure does not
 * act on are kept and shown, so clients that set them at connect go on.
 */
public final class SessionSettings {
  /** PostgreSQL 16: clients choose their catalog queries by this version. */
  public static final String SERVER_VERSION = "16.4";
  public static final int SERVER_VERSION_NUM = 160004;

  /** Reported at startup and again when changed (PostgreSQL's GUC_REPORT settings). */
  static final Set<String> REPORTED = Set.of("server_version", "server_encoding",
      "client_encoding", "application_name", "DateStyle", "IntervalStyle", "integer_datetimes",
      "standard_conforming_strings", "TimeZone", "is_superuser", "session_authorization",
      "default_transaction_read_only", "in_hot_standby", "search_path");

  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final String user;

  public SessionSettings(String user, Map<String, String> startup) {
    this.user = user;
    defaults.put("server_version", SERVER_VERSION);
    defaults.put("server_version_num", Integer.toString(SERVER_VERSION_NUM));
    defaults.put("server_encoding", "UTF8");
    defaults.put("client_encoding", "UTF8");
    defaults.put("application_name", "");
    defaults.put("DateStyle", "ISO, MDY");
    defaults.put("IntervalStyle", "postgres");
    defaults.put("integer_datetimes", "on");
    defaults.put("standard_conforming_strings", "on");
    defaults.put("TimeZone", ZoneId.systemDefault().getId());
    defaults.put("is_superuser", "off");
    defaults.put("session_authorization", user);
    defaults.put("default_transaction_read_only", "on");
    defaults.put("transaction_read_only", "on");
    defaults.put("in_hot_standby", "off");
    defaults.put("search_path", "\"$user\", public");
    defaults.put("transaction_isolation", "read committed");
    defaults.put("default_transaction_isolation", "read committed");
    defaults.put("extra_float_digits", "1");
    defaults.put("max_identifier_length", "63");
    defaults.put("lc_messages", "C");
    defaults.put("lc_monetary", "C");
    defaults.put("lc_numeric", "C");
    defaults.put("lc_time", "C");
    defaults.put("statement_timeout", "0");
    defaults.put("bytea_output", "hex");
    defaults.put("block_size", "8192");
    defaults.put("max_index_keys", "32");
    values.putAll(defaults);
    startup.forEach((name, value) -> {
      // The encoding is always UTF8 and the zone the JVM's: what Jointure computes in.
      if (!name.equals("user") && !name.equals("database") && !name.equals("options")
          && !name.equals("replication") && !name.startsWith("_pq_.")
          && !canonical(name).equals("client_encoding") && !canonical(name).equals("TimeZone")) {
        values.put(canonical(name), value);
      }
    });
  }
  /** The process id of BackendKeyData, pg_backend_pid(): 0 until the session has one. */
  private volatile int backendPid;

  public int backendPid() {
    return backendPid;
  }

  public void backendPid(int pid) {
    this.backendPid = pid;
  }

  /** The user the session logged in as: current_user and session_user. */
  public String user() {
    return user;
  }


  /** The setting's value, or null when it is unknown. */
  public String get(String name) {
    return values.get(canonical(name));
  }

  /** Every setting, for SHOW ALL and ParameterStatus at startup. */
  public Map<String, String> all() {
    return Map.copyOf(values);
  }

  /** The settings reported at startup, in a stable order. */
  public Map<String, String> reported() {
    Map<String, String> reported = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (REPORTED.contains(name)) {
        reported.put(name, value);
      }
    });
    return reported;
  }

  /**
   * Applies {@code SET [SESSION | LOCAL] name {TO | =} value}, {@code SET TIME ZONE ...},
   * {@code SET SESSION CHARACTERISTICS ...} and {@code SET TRANSACTION ...}; answers the
   * setting changed, or null when nothing a client sees changed.
   */
  String set(List<Token> words) {
    int i = 1;
    if (i < words.size() && (words.get(i).isWord("SESSION") || words.get(i).isWord("LOCAL"))) {
      i++;
    }
    if (i < words.size() && (words.get(i).isWord("CHARACTERISTICS")
        || words.get(i).isWord("TRANSACTION") || words.get(i).isWord("AUTHORIZATION"))) {
      return null; // a read-only server: every transaction is read-only
    }
    String name;
    if (i + 1 < words.size() && words.get(i).isWord("TIME") && words.get(i + 1).isWord("ZONE")) {
      name = "TimeZone";
      i += 2;
    } else if (i < words.size() && words.get(i).isWord("NAMES")) {
      name = "client_encoding";
      i++;
    } else {
      StringBuilder dotted = new StringBuilder();
      while (i < words.size() && !words.get(i).isWord("TO") && !words.get(i).isSymbol("=")) {
        dotted.append(unquote(words.get(i)));
        i++;
      }
      name = dotted.toString();
      i++;
    }
    String value = value(words.subList(Math.min(i, words.size()), words.size()));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("syntax error in SET: give SET name TO value");
    }
    return put(name, value);
  }

  /** {@code set_config(name, value, is_local)}: answers the value now in effect. */
  String setConfig(String name, String value) {
    put(name, value);
    return get(name);
  }

  /** Sets one setting; DEFAULT resets it. Answers its canonical name. */
  String put(String name, String value) {
    String key = canonical(name);
    if (key.equals("client_encoding") && !isUtf8(value)) {
      throw new IllegalArgumentException("client_encoding " + value + " is not supported;"
          + " this server speaks UTF8 only");
    }
    if (key.equals("TimeZone") && value != null
        && !value.equalsIgnoreCase(defaults.get("TimeZone")) && !value.equalsIgnoreCase("DEFAULT")) {
      // Values are computed in the server's zone; keep the client's wish visible.
      values.put(key, value);
      return key;
    }
    if (value == null || value.equalsIgnoreCase("DEFAULT")) {
      reset(key);
    } else {
      values.put(key, key.equals("client_encoding") ? "UTF8" : value);
    }
    return key;
  }

  void reset(String name) {
    String key = canonical(name);
    if (defaults.containsKey(key)) {
      values.put(key, defaults.get(key));
    } else {
      values.remove(key);
    }
  }

  void resetAll() {
    values.clear();
    values.putAll(defaults);
  }

  /** PostgreSQL's setting names are case-insensitive; reported ones keep their spelling. */
  static String canonical(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String reported : REPORTED) {
      if (reported.toLowerCase(Locale.ROOT).equals(lower)) {
        return reported;
      }
    }
    return lower;
  }

  private static boolean isUtf8(String value) {
    String v = value == null ? "" : value.replace("-", "").replace("'", "").toUpperCase(Locale.ROOT);
    return v.equals("UTF8") || v.equals("UNICODE") || v.equals("DEFAULT") || v.isEmpty();
  }

  /** A SET's value: words, numbers and strings joined as PostgreSQL does (a list with ", "). */
  private static String value(List<Token> tokens) {
    StringBuilder value = new StringBuilder();
    for (Token token : tokens) {
      if (token.isSymbol(",")) {
        value.append(", ");
      } else if (token.isSymbol(";")) {
        break;
      } else {
        value.append(unquote(token));
      }
    }
    return value.toString().strip();
  }

  private static String unquote(Token token) {
    String text = token.text();
    if (token.kind() == SqlTokens.Kind.STRING && text.startsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    if (token.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return text;
  }
}
