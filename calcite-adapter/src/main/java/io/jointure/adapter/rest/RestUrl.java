package io.jointure.adapter.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request URL under construction: an address and query parameters in order, each value
 * URL-encoded (a value never becomes part of the path or another parameter). Parameters that
 * carry secrets (an API key) are shown as {@code ***} in messages, logs and EXPLAIN.
 */
final class RestUrl {
  /** A URL template's variables: {@code {id}}. */
  static final java.util.regex.Pattern TEMPLATE_VARIABLE =
      java.util.regex.Pattern.compile("\\{([^{}]+)}");

  private final String address;
  private final List<String[]> parameters = new ArrayList<>();
  private final Set<String> secretNames;

  private RestUrl(String address, Set<String> secretNames) {
    this.address = address;
    this.secretNames = secretNames;
  }

  /** A URL starting from {@code address}, with the source's own (secret) query parameters. */
  static RestUrl of(String address, Map<String, String> secretParameters) {
    RestUrl url = new RestUrl(address, secretParameters.keySet());
    secretParameters.forEach(url::add);
    return url;
  }

  RestUrl add(String name, String value) {
    parameters.add(new String[] {name, value});
    return this;
  }

  /** Marks a value already encoded: a comma list keeps its separators, encodes its items. */
  private static final String ENCODED = "\u0000encoded:";

  /** {@code 1,2,3}: each value URL-encoded (a comma inside a value becomes %2C). */
  static String commaList(List<String> values) {
    return ENCODED + String.join(",", values.stream().map(RestUrl::encode).toList());
  }

  /**
   * A next-page URL given by the API: the source's secret parameters are added unless the API
   * kept them in it.
   */
  static RestUrl continuing(String link, Map<String, String> secretParameters) {
    RestUrl url = new RestUrl(link, secretParameters.keySet());
    secretParameters.forEach((name, value) -> {
      if (!link.matches(".*[?&]" + java.util.regex.Pattern.quote(encode(name)) + "=.*")) {
        url.add(name, value);
      }
    });
    return url;
  }

  /** A path segment for a URL template: {@code /} and {@code ?} stay data, not structure. */
  static String pathSegment(String value) {
    return encode(value);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  URI toUri() {
    return URI.create(text(false));
  }

  /** The URL as messages and logs show it: secret parameter values hidden. */
  String shown() {
    return text(true);
  }

  private String text(boolean hideSecrets) {
    String start = address;
    if (hideSecrets) {
      for (String name : secretNames) {
        start = start.replaceAll("([?&]" + java.util.regex.Pattern.quote(encode(name))
            + "=)[^&#]*", "$1***");
      }
    }
    StringBuilder text = new StringBuilder(start);
    char separator = address.contains("?") ? '&' : '?';
    for (String[] parameter : parameters) {
      boolean secret = hideSecrets && secretNames.contains(parameter[0]);
      String value = parameter[1].startsWith(ENCODED)
          ? parameter[1].substring(ENCODED.length()) : encode(parameter[1]);
      text.append(separator).append(encode(parameter[0])).append('=')
          .append(secret ? "***" : value);
      separator = '&';
    }
    return text.toString();
  }
}
