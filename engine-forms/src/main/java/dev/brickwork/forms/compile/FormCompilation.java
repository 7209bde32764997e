package dev.brickwork.forms.compile;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FormDefinition;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling a definition.
 *
 * @param definition the definition as read, present whenever the JSON had the shape of a form (even with problems)
 * @param form       the compiled form, present only when there is no error-severity problem
 * @param problems   every problem found, errors and warnings
 */
public record FormCompilation(Optional<FormDefinition> definition, Optional<CompiledForm> form, List<Problem> problems) {

    public FormCompilation {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
