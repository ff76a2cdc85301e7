package dev.auditsdk.core.model;

/** Whether the audited action succeeded, as far as the vendor tells. Maps to OCSF {@code status_id}. */
public enum Outcome {
    /** The vendor says nothing about success. OCSF status_id 0. */
    UNKNOWN(0, "Unknown"),
    /** The action succeeded. OCSF status_id 1. */
    SUCCESS(1, "Success"),
    /** The action failed or was refused. OCSF status_id 2. */
    FAILURE(2, "Failure");

    private final int statusId;
    private final String label;

    Outcome(int statusId, String label) {
        this.statusId = statusId;
        this.label = label;
    }

    /** @return the OCSF {@code status_id} */
    public int statusId() {
        return statusId;
    }

    /** @return the OCSF {@code status} caption */
    public String label() {
        return label;
    }
}
