package dev.brickwork.workflow.read;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.Compilation;
import dev.brickwork.forms.expr.ExpressionProblem;
import dev.brickwork.forms.expr.Expressions;
import dev.brickwork.forms.expr.TypeScope;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.read.DefinitionCodes;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of a flow against its bound form: conditions, written fields, user fields, message placeholders. */
final class FormChecks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final CompiledForm form;
    private final List<Problem> problems;

    FormChecks(CompiledForm form, List<Problem> problems) {
        this.form = form;
        this.problems = problems;
    }

    /** A condition must compile in the expression language against the form's fields and give true/false. */
    void condition(String source, String pointer) {
        Compilation compilation;
        try {
            compilation = Expressions.compile(source, scope(form), ValueType.BOOLEAN);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.error(pointer, DefinitionCodes.EXPR_INTERNAL, "The condition could not be compiled"));
            return;
        }
        for (ExpressionProblem problem : compilation.problems()) {
            problems.add(Problem.error(pointer, problem.code(),
                    "at position " + problem.position() + ": " + problem.message()));
        }
    }

    /** A written field must be a top-level field the record stores and a client could write. */
    void writableField(String key, String pointer) {
        Optional<FieldDefinition> field = form.field(key);
        if (field.isEmpty()) {
            problems.add(Problem.error(pointer, FlowCodes.SET_FIELD_UNKNOWN, "The form has no field with this key"));
        } else if (field.get().type().isComputed() || field.get().type() == FieldType.SUBTABLE) {
            problems.add(Problem.error(pointer, FlowCodes.SET_FIELD_READ_ONLY,
                    "A computed field or a subtable cannot be set by a flow"));
        } else if (field.get().sensitive()) {
            problems.add(Problem.error(pointer, FlowCodes.SET_FIELD_SENSITIVE,
                    "A sensitive field cannot be set by a flow: its value would be kept in clear in the flow"));
        }
    }

    /** A {@code field} / {@code managerOf} approver must name a user field or a system user field. */
    void userField(String key, String pointer) {
        if (FlowContext.SYSTEM_USER_FIELDS.contains(key)) {
            return;
        }
        Optional<FieldDefinition> field = form.field(key);
        if (field.isEmpty() || field.get().type() != FieldType.USER) {
            problems.add(Problem.error(pointer, FlowCodes.USER_FIELD_INVALID,
                    "Approvers can only come from a user field of the form or from 'owner'"));
        }
    }

    /** Every {@code {name}} in a message must be a top-level field of the form or a system field. */
    void placeholders(String message, String pointer) {
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            boolean known = FlowContext.SYSTEM_USER_FIELDS.contains(name) || "id".equals(name)
                    || form.field(name).filter(f -> f.type() != FieldType.SUBTABLE).isPresent();
            if (!known) {
                problems.add(Problem.error(pointer, FlowCodes.MESSAGE_PLACEHOLDER_UNKNOWN,
                        "at position " + matcher.start() + ": the placeholder does not name a field of the form"));
            }
        }
    }

    static TypeScope scope(CompiledForm form) {
        return dev.brickwork.workflow.run.FormTypes.of(form);
    }
}
