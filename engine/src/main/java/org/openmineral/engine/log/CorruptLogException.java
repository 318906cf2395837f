package org.openmineral.engine.log;

/** The engine log is damaged in a way that cannot be repaired without losing committed records. */
public final class CorruptLogException extends IllegalStateException {
  public CorruptLogException(final String message) {
    super(message);
  }
}
