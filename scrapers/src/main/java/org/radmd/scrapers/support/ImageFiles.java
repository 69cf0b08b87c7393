package org.radmd.scrapers.support;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Image file names: which names are images, and numeric ("natural") slice order. Thread-safe. */
public final class ImageFiles {
  /** Lower-case extensions (without dot) treated as image or slice files. */
  public static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "dcm");

  /**
   * Orders file names by the last run of ASCII digits in the name (compared as a non-negative integer of
   * any length, leading zeros ignored), so that {@code image-10.jpg} follows {@code image-9.jpg}; names
   * without digits come after numbered ones; ties (and digit-less names) are broken by
   * {@link String#compareTo}. Consistent with equals.
   */
  public static final Comparator<String> NUMERIC_ORDER = ImageFiles::compareNumeric;

  private ImageFiles() {}

  /** The lower-case extension of {@code name} without the dot, or "" when there is none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** True when {@code name} has one of {@link #EXTENSIONS} and is not a hidden file. */
  public static boolean isImageName(String name) {
    return !name.startsWith(".") && EXTENSIONS.contains(extension(name));
  }

  /** A sorted copy of {@code names} in {@link #NUMERIC_ORDER}. */
  public static List<String> sortNumeric(List<String> names) {
    return names.stream().sorted(NUMERIC_ORDER).toList();
  }

  private static int compareNumeric(String a, String b) {
    String na = lastNumber(a);
    String nb = lastNumber(b);
    if (na != null && nb != null) {
      int c = Integer.compare(na.length(), nb.length());
      if (c == 0) {
        c = na.compareTo(nb);
      }
      if (c != 0) {
        return c;
      }
    } else if (na != null) {
      return -1;
    } else if (nb != null) {
      return 1;
    }
    return a.compareTo(b);
  }

  /** The last run of digits in the name's stem with leading zeros removed ("0" for all zeros), or null. */
  private static String lastNumber(String name) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    int end = stem.length();
    while (end > 0 && !isDigit(stem.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    int start = end;
    while (start > 0 && isDigit(stem.charAt(start - 1))) {
      start--;
    }
    int firstNonZero = start;
    while (firstNonZero < end - 1 && stem.charAt(firstNonZero) == '0') {
      firstNonZero++;
    }
    return stem.substring(firstNonZero, end);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
