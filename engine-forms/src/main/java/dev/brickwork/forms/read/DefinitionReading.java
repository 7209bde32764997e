package dev.brickwork.forms.read;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FormDefinition;

import java.util.List;
import java.util.Optional;

/**
 * What reading a definition gave.
 *
 * @param definition present whenever the root is an object; fields whose key or type is unusable are left out,
 *                   other properties in error are left null/empty, so the definition is only trustworthy without errors
 * @param problems   every problem the reader found
 * @param sources    where each field and rule of {@code definition} sits in the JSON, for locating later problems
 */
public record DefinitionReading(Optional<FormDefinition> definition, List<Problem> problems, SourceMap sources) {

    public DefinitionReading {
        problems = List.copyOf(problems);
    }
}
