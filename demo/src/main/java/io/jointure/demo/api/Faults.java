package io.jointure.demo.api;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults to inject into the next requests, each taken by exactly one request. */
final class Faults {
  /** What replaces the next normal answer. */
  sealed interface Fault {}

  /** An error status, with a Retry-After header value if not null. */
  record Failure(int status, String retryAfter) implements Fault {}

  /** A 200 whose body is not valid JSON. */
  record Malformed() implements Fault {}

  private final Queue<Fault> answers = new ConcurrentLinkedQueue<>();
  private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

  void failNext(int count, int status, String retryAfter) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("count " + count + ", status " + status);
    }
    for (int i = 0; i < count; i++) {
      answers.add(new Failure(status, retryAfter));
    }
  }

  void malformedNext() {
    answers.add(new Malformed());
  }

  void delayNext(Duration delay) {
    delays.add(delay);
  }

  /** The fault replacing this request's answer, or null. */
  Fault nextAnswer() {
    return answers.poll();
  }

  /** How long this request waits before answering, or null. */
  Duration nextDelay() {
    return delays.poll();
  }
}
