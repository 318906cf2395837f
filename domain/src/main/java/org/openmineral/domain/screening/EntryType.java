package org.openmineral.domain.screening;

/** What a watch-list entry names, as OFAC's {@code SDN_Type} column says ({@code -0-} = entity). */
public enum EntryType {
  INDIVIDUAL,
  ENTITY,
  VESSEL,
  AIRCRAFT;

  /**
   * The type for an OFAC {@code SDN_Type} value; {@code null} (OFAC's {@code -0-}) is an entity.
   */
  static EntryType fromOfac(final String sdnType) {
    if (sdnType == null) {
      return ENTITY;
    }
    return switch (sdnType.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "individual" -> INDIVIDUAL;
      case "vessel" -> VESSEL;
      case "aircraft" -> AIRCRAFT;
      default -> ENTITY;
    };
  }
}
