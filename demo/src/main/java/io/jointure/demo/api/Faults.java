package io.jointure.demo.api;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Faults to inject into the next requests, each taken by exactly one request (the JSON API's and
 * the GraphQL API's).
 */
public final class Faults {
  /** What replaces the next normal answer. */
  public sealed interface Fault {}

  /** An error status, with a Retry-After header value if not null. */
  public record Failure(int status, String retryAfter) implements Fault {}

  /** A 200 whose body is not valid JSON. */
  public record Malformed() implements Fault {}

  private final Queue<Fault> answers = new ConcurrentLinkedQueue<>();
  private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

  public void failNext(int count, int status, String retryAfter) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("count " + count + ", status " + status);
    }
    for (int i = 0; i < count; i++) {
      answers.add(new Failure(status, retryAfter));
    }
  }

  public void malformedNext() {
    answers.add(new Malformed());
  }

  public void delayNext(Duration delay) {
    delays.add(delay);
  }

  /** The fault replacing this request's answer, or null. */
  public Fault nextAnswer() {
    return answers.poll();
  }

  /** How long this request waits before answering, or null. */
  public Duration nextDelay() {
    return delays.poll();
  }
}
