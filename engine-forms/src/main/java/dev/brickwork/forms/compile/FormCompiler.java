package dev.brickwork.forms.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.read.DefinitionReader;
import dev.brickwork.forms.read.DefinitionReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads, validates and compiles a form definition. A pure function: never throws on any input. */
public final class FormCompiler {

    private FormCompiler() {
    }

    /**
     * @param definition the definition JSON as the client sent it
     * @param catalog    the app's other forms, for references and roll-ups
     */
    public static FormCompilation compile(JsonNode definition, FormCatalog catalog) {
        DefinitionReading reading = DefinitionReader.read(definition);
        List<Problem> problems = new ArrayList<>(reading.problems());
        if (reading.definition().isEmpty()) {
            return new FormCompilation(Optional.empty(), Optional.empty(), problems);
        }
        FormDefinition read = reading.definition().get();
        // the semantic checks run even after reading problems so one round trip shows every problem
        DefinitionValidator validator = new DefinitionValidator(read, reading.sources(), catalog);
        problems.addAll(validator.validate());
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new FormCompilation(Optional.of(read), errors ? Optional.empty() : Optional.of(validator.compiledForm()),
                problems);
    }
}
