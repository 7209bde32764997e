package dev.brickwork.designer.migration;

/** The columns every record table and every subtable row table has, whatever the form says. */
final class SystemColumns {

    static final String RECORD = String.join(", ",
            "id uuid PRIMARY KEY",
            "version integer NOT NULL DEFAULT 1",
            "owner uuid",
            "created_by uuid",
            "created_at timestamptz NOT NULL DEFAULT now()",
            "updated_at timestamptz NOT NULL DEFAULT now()",
            "deleted_at timestamptz",
            "approval text NOT NULL DEFAULT 'none'");

    private SystemColumns() {
    }

    static String row(String parentTable) {
        return String.join(", ",
                "id uuid PRIMARY KEY",
                "parent_id uuid NOT NULL REFERENCES " + parentTable + " (id) ON DELETE CASCADE",
                "position integer NOT NULL");
    }
}
