package gpuroi.model;

import java.util.Locale;

/** Whether a cluster is already bought (HOLD or RESELL) or only planned (BUY or RENT). */
public enum ClusterStatus {
    OWNED, PLANNED;

    /** Reads {@code Owned}, {@code owned }, {@code Planned}, {@code plan}… */
    public static ClusterStatus parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "owned", "own", "bought", "existing", "held" -> OWNED;
            case "planned", "plan", "planning", "proposed", "new" -> PLANNED;
            default -> throw new InvalidValueException(Field.STATUS, text, "Owned or Planned");
        };
    }

    public String label() {
        return this == OWNED ? "Owned" : "Planned";
    }
}
