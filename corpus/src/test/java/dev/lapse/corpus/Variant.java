package dev.lapse.corpus;

/** The runs of one case: the library's affected version, its fixed version, and the hand-fixed control. */
enum Variant {
    /** The version the citation says leaks: the driver must see its owner leaked. */
    AFFECTED("affected", "affected", false),
    /** The version with the fix: the owner is collected and Lapse reports nothing. */
    FIXED("fixed", "fixed", false),
    /** The affected version, with the driver doing by hand what the fix does: collected, nothing reported. */
    CONTROL("control", "affected", true);

    private final String label;
    private final String libs;
    private final boolean controlArgument;

    Variant(String label, String libs, boolean controlArgument) {
        this.label = label;
        this.libs = libs;
        this.controlArgument = controlArgument;
    }

    String label() {
        return label;
    }

    /** The folder under {@code corpus-libs/<case>/} whose jars this run's class path holds. */
    String libs() {
        return libs;
    }

    /** The driver's arguments for this run. */
    String[] args() {
        return controlArgument ? new String[] {"control"} : new String[0];
    }

    /** Whether the driver must see the owner leaked (only the affected version leaks). */
    boolean leaks() {
        return this == AFFECTED;
    }
}
