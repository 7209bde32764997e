package dev.brickwork.designer.migration;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The PostgreSQL column type a field is stored in. Subtables have no column (they are child tables). */
public enum ColumnType {
    TEXT("text"), BIGINT("bigint"), NUMERIC("numeric"), BOOLEAN("boolean"), DATE("date"),
    TIMESTAMPTZ("timestamptz"), TEXT_ARRAY("text[]"), UUID("uuid"), JSONB("jsonb"),
    /** a sensitive field's ciphertext (its equality hash sits in a second bytea column) */
    BYTEA("bytea");

    /** The field types {@code q} searches (docs/spec.md §4), when stored as text. */
    private static final Set<FieldType> SEARCHED = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL, FieldType.SELECT, FieldType.AUTONUMBER);

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** True for types a plain b-tree index does not serve; they get a GIN index and cannot be unique. */
    public boolean isComposite() {
        return this == TEXT_ARRAY || this == JSONB || this == BYTEA;
    }

    /** True when the field is stored encrypted, with an equality-hash column beside it. */
    public static boolean encrypted(FieldDefinition field) {
        return field.sensitive() && field.type().encryptable();
    }

    /**
     * True for a column {@code q} searches: a text-like field stored as text, never a sensitive one (encrypted at rest,
     * or kept out of search). Publish gives each a trigram index (decision 0028).
     */
    public static boolean searched(FieldDefinition field, ColumnType type) {
        return SEARCHED.contains(field.type()) && type == TEXT && !field.sensitive();
    }

    /**
     * True for a column a {@code q} of one or two characters searches: a searched field of type text (names,
     * cities, titles), where single characters and two-character names are looked for. Publish gives each a
     * {@code short_grams} index (decision 0028); long text, e-mail, phone, option and number fields need three.
     */
    public static boolean shortSearched(FieldDefinition field, ColumnType type) {
        return searched(field, type) && field.type() == FieldType.TEXT;
    }

    /** The platform's function of a text's one- and two-character pieces (migration V2026_12_04_60). */
    public static final String SHORT_GRAMS = "brickwork.short_grams";

    /** How many characters {@link #shortSearched} text is searched by; from three on, trigrams serve. */
    public static final int SHORT_SEARCH = 2;

    public static Optional<ColumnType> of(FieldDefinition field, CompiledForm form) {
        if (encrypted(field)) {
            return Optional.of(BYTEA);
        }
        return switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL, SELECT, AUTONUMBER -> Optional.of(TEXT);
            case NUMBER -> Optional.of(field.spec() instanceof FieldSpec.Number n && n.integer() ? BIGINT : NUMERIC);
            case MONEY, PERCENT, ROLLUP -> Optional.of(NUMERIC);
            case BOOLEAN -> Optional.of(BOOLEAN);
            case DATE -> Optional.of(DATE);
            case DATETIME -> Optional.of(TIMESTAMPTZ);
            case MULTISELECT -> Optional.of(TEXT_ARRAY);
            case USER, DEPARTMENT, REFERENCE -> Optional.of(UUID);
            case ATTACHMENT -> Optional.of(JSONB);
            case FORMULA -> Optional.of(of(form.valueType(field.key()).orElse(ValueType.TEXT)));
            // stored as the field it looks up (a lookup of a reference is a uuid, one of money numeric)
            case LOOKUP -> Optional.of(form.lookup(field.key()).flatMap(l -> of(l.valueField(), form)).orElse(TEXT));
            case SUBTABLE -> Optional.empty();
        };
    }

    static ColumnType of(ValueType type) {
        return switch (type) {
            case NUMBER -> NUMERIC;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case DATETIME -> TIMESTAMPTZ;
            case LIST -> TEXT_ARRAY;
            case TEXT, NULL -> TEXT;
        };
    }
}
