package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TokenBucket} on a fake clock: the schedule is checked exactly, without real time. */
class TokenBucketTest {
  private long now = 1_000_000_000L;
  private final List<Long> starts = new ArrayList<>();

  private TokenBucket bucket(double rate, int capacity) {
    return new TokenBucket(rate, capacity, () -> now, nanos -> now += nanos);
  }

  private void acquire(TokenBucket b, int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      b.acquire();
      starts.add(now);
    }
  }

  @Test
  void capacityOneSpacesEveryStartByOneInterval() throws InterruptedException {
    TokenBucket b = bucket(3.0, 1);
    acquire(b, 10);
    for (int i = 1; i < starts.size(); i++) {
      assertEquals(333_333_333L, starts.get(i) - starts.get(i - 1));
    }
  }

  @Test
  void idleTimeIsNotBankedBeyondTheCapacity() throws InterruptedException {
    TokenBucket b = bucket(10.0, 3);
    acquire(b, 1);
    now += 5_000_000_000L; // idle 5 s
    acquire(b, 5);
    List<Long> gaps = new ArrayList<>();
    for (int i = 2; i < starts.size(); i++) {
      gaps.add(starts.get(i) - starts.get(i - 1));
    }
    // 3 start at once (the burst), then one per 100 ms
    assertEquals(List.of(0L, 0L, 100_000_000L, 100_000_000L), gaps);
  }

  @Test
  void delayUntilHoldsBackTheNextStart() throws InterruptedException {
    TokenBucket b = bucket(5.0, 1);
    acquire(b, 1);
    long t0 = now;
    b.delayUntil(2_000_000_000L);
    acquire(b, 2);
    assertEquals(t0 + 2_000_000_000L, starts.get(1));
    assertEquals(200_000_000L, starts.get(2) - starts.get(1));
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
  }
}
