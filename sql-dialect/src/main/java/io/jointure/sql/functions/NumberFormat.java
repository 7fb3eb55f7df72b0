package io.jointure.sql.functions;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code to_char(number, pattern)} with PostgreSQL's number patterns: {@code 9} (a digit, blank
 * when a leading zero), {@code 0} (a digit, zero kept), {@code .}/{@code D} (decimal point),
 * {@code ,}/{@code G} (group separator), {@code FM} (no padding, no trailing zeros),
 * {@code S}/{@code MI}/{@code PL}/{@code SG}/{@code PR} (signs), and literal text ({@code "..."}
 * or any other character). Without a sign pattern, one position before the first digit holds
 * {@code -} or a blank, as in PostgreSQL; a number too wide for the pattern prints as
 * {@code #}s.
 */
final class NumberFormat {
  private enum Kind { NINE, ZERO, POINT, GROUP, FILL, SIGN, MINUS, PLUS, SIGN_BOTH, ANGLE, TEXT }

  private record Item(Kind kind, String text) {
  }

  private NumberFormat() {
  }

  private static final PatternCache<List<Item>> PATTERNS =
      new PatternCache<>(NumberFormat::parse);

  static String format(BigDecimal value, String pattern) {
    List<Item> items = PATTERNS.get(pattern);
    boolean fill = items.stream().anyMatch(i -> i.kind == Kind.FILL);
    boolean explicitSign = items.stream().anyMatch(i -> i.kind == Kind.SIGN
        || i.kind == Kind.MINUS || i.kind == Kind.PLUS || i.kind == Kind.SIGN_BOTH
        || i.kind == Kind.ANGLE);
    int point = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).kind == Kind.POINT) {
        point = i;
        break;
      }
    }
    int intCount = 0;
    int fracCount = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).kind == Kind.NINE || items.get(i).kind == Kind.ZERO) {
        if (point < 0 || i < point) {
          intCount++;
        } else {
          fracCount++;
        }
      }
    }
    BigDecimal rounded = value.setScale(fracCount, RoundingMode.HALF_UP);
    boolean negative = rounded.signum() < 0;
    BigDecimal abs = rounded.abs();
    String intDigits = abs.setScale(0, RoundingMode.DOWN).toPlainString();
    if (intDigits.equals("0")) {
      intDigits = "";
    }
    String fracDigits = fracCount == 0 ? ""
        : abs.toPlainString().substring(abs.toPlainString().indexOf('.') + 1);
    boolean overflow = intDigits.length() > intCount;
    if (intDigits.isEmpty() && point < 0 && intCount > 0) {
      intDigits = "0"; // a zero prints as one digit when the pattern has no fraction
    }
    // Trailing zeros that FM drops: those in 9 positions at the end of the fraction.
    List<Kind> fracKinds = new ArrayList<>();
    for (int i = point + 1; point >= 0 && i < items.size(); i++) {
      if (items.get(i).kind == Kind.NINE || items.get(i).kind == Kind.ZERO) {
        fracKinds.add(items.get(i).kind);
      }
    }
    int keepFrac = fracCount;
    while (fill && keepFrac > 0 && fracKinds.get(keepFrac - 1) == Kind.NINE
        && fracDigits.charAt(keepFrac - 1) == '0') {
      keepFrac--;
    }
    // A sign pattern before the digits stands right before the first digit, as the implicit one.
    Item leadingSign = null;
    for (Item item : items) {
      if (item.kind == Kind.NINE || item.kind == Kind.ZERO || item.kind == Kind.POINT) {
        break;
      }
      if (item.kind == Kind.SIGN || item.kind == Kind.MINUS || item.kind == Kind.PLUS
          || item.kind == Kind.SIGN_BOTH) {
        leadingSign = item;
        break;
      }
    }
    String implicitSign = leadingSign != null ? signText(leadingSign.kind, negative, fill)
        : negative ? "-" : fill ? "" : " ";
    boolean angle = items.stream().anyMatch(i -> i.kind == Kind.ANGLE);
    if (angle) {
      // PR: '<' where the sign goes, '>' at the end.
      implicitSign = negative ? "<" : fill ? "" : " ";
    }
    if (leadingSign != null || angle) {
      explicitSign = false;
    }
    StringBuilder out = new StringBuilder();
    boolean started = false;
    boolean zeroFill = false;
    boolean signWritten = explicitSign;
    int intIndex = 0;
    int fracIndex = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      switch (item.kind) {
        case NINE, ZERO -> {
          if (point >= 0 && i > point) {
            if (fracIndex < keepFrac) {
              out.append(overflow ? '#' : fracDigits.charAt(fracIndex));
            }
            fracIndex++;
            break;
          }
          int digit = intIndex - (intCount - intDigits.length());
          intIndex++;
          zeroFill |= item.kind == Kind.ZERO;
          if (overflow) {
            out.append('#');
          } else if (digit >= 0 || zeroFill) {
            if (!signWritten) {
              out.append(implicitSign);
              signWritten = true;
            }
            out.append(digit >= 0 ? intDigits.charAt(digit) : '0');
            started = true;
          } else if (!fill) {
            out.append(' ');
          }
        }
        case POINT -> {
          if (!signWritten) {
            out.append(implicitSign);
            signWritten = true;
          }
          out.append('.');
        }
        case GROUP -> {
          if (started) {
            out.append(',');
          } else if (!fill) {
            out.append(' ');
          }
        }
        case SIGN, MINUS, PLUS, SIGN_BOTH -> {
          if (item != leadingSign) {
            out.append(signText(item.kind, negative, fill));
          }
        }
        case ANGLE, FILL -> {
        }
        case TEXT -> out.append(item.text);
        default -> throw new IllegalStateException(item.kind.name());
      }
    }
    if (!signWritten) {
      out.insert(0, implicitSign);
    }
    if (angle) {
      out.append(negative ? ">" : fill ? "" : " ");
    }
    return out.toString();
  }

  private static String signText(Kind kind, boolean negative, boolean fill) {
    return switch (kind) {
      case SIGN, SIGN_BOTH -> negative ? "-" : "+";
      case MINUS -> negative ? "-" : fill ? "" : " ";
      case PLUS -> negative ? "-" : "+";
      default -> "";
    };
  }

  private static List<Item> parse(String pattern) {
    List<Item> items = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '"') {
        int end = pattern.indexOf('"', i + 1);
        end = end < 0 ? pattern.length() : end;
        items.add(new Item(Kind.TEXT, pattern.substring(i + 1, end)));
        i = end + 1;
      } else if (c == '9') {
        items.add(new Item(Kind.NINE, null));
        i++;
      } else if (c == '0') {
        items.add(new Item(Kind.ZERO, null));
        i++;
      } else if (c == '.' || c == 'D' || c == 'd') {
        items.add(new Item(Kind.POINT, null));
        i++;
      } else if (c == ',' || c == 'G' || c == 'g') {
        items.add(new Item(Kind.GROUP, null));
        i++;
      } else if (startsWith(pattern, i, "FM")) {
        items.add(new Item(Kind.FILL, null));
        i += 2;
      } else if (startsWith(pattern, i, "MI")) {
        items.add(new Item(Kind.MINUS, null));
        i += 2;
      } else if (startsWith(pattern, i, "PL")) {
        items.add(new Item(Kind.PLUS, null));
        i += 2;
      } else if (startsWith(pattern, i, "SG")) {
        items.add(new Item(Kind.SIGN_BOTH, null));
        i += 2;
      } else if (startsWith(pattern, i, "PR")) {
        items.add(new Item(Kind.ANGLE, null));
        i += 2;
      } else if (c == 'S' || c == 's') {
        items.add(new Item(Kind.SIGN, null));
        i++;
      } else if (startsWith(pattern, i, "EEEE") || c == 'V' || c == 'v' || c == 'L' || c == 'l'
          || startsWith(pattern, i, "TH") || startsWith(pattern, i, "RN")) {
        throw new JointureException(ErrorCode.FEATURE_NOT_SUPPORTED, "to_char: the number"
            + " pattern \"" + pattern + "\" uses " + pattern.substring(i, Math.min(i + 4,
                pattern.length())) + ", which Jointure does not format; use 9, 0, D, G, FM,"
            + " S, MI, PL, SG, PR and literal text");
      } else {
        items.add(new Item(Kind.TEXT, String.valueOf(c)));
        i++;
      }
    }
    return List.copyOf(items);
  }

  /** Whether the pattern has the (upper-case) word at the position, in any case. */
  private static boolean startsWith(String pattern, int at, String word) {
    return pattern.regionMatches(true, at, word, 0, word.length());
  }
}
