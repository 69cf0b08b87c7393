package org.radmd.core.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, one-way replacements: HMAC-SHA256 (RFC 2104) of the original value under a per-build secret. The same
 * value under the same secret always gives the same replacement (consistent within a build); without the
 * secret the original cannot be recovered or confirmed by trying candidates. Thread-safe (a {@link Mac} per
 * call).
 */
final class Pseudonyms {
  private final SecretKeySpec key;

  /**
   * @param secret at least 16 bytes, kept secret for the build; copied
   * @throws IllegalArgumentException when shorter than 16 bytes
   */
  Pseudonyms(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the de-identification secret needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The 32-byte HMAC of {@code domain + '\0' + value}; the domain separates UIDs, patients and names. */
  byte[] mac(String domain, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(domain.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  /**
   * A replacement UID {@code 2.25.<decimal>}: the first 128 bits of the HMAC as an unsigned integer, the UUID
   * form of PS3.5 B.2 (at most 44 characters, within the 64 allowed).
   */
  String uid(String original) {
    byte[] m = Arrays.copyOf(mac("uid", original.trim()), 16);
    return "2.25." + new BigInteger(1, m);
  }

  /** {@code n} lower-case hex characters of the HMAC (n ≤ 64). */
  String hex(String domain, String value, int n) {
    return HexFormat.of().formatHex(mac(domain, value)).substring(0, n);
  }

  /** A shift in days in {@code [-3650, -1]} (one to ten years back), fixed per patient key. */
  int dateShiftDays(String patientKey) {
    byte[] m = mac("date-shift", patientKey);
    int v = ((m[0] & 0xff) << 8) | (m[1] & 0xff);
    return -(1 + v % 3650);
  }
}
