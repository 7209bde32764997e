package dev.brickwork.forms.compile;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads, validates and compiles a form definition. A pure function: never throws on any input. */
public final class FormCompiler {

    private FormCompiler() {
    }

    public static FormCompilation compile(JsonNode definition, FormCatalog catalog) {
        throw new UnsupportedOperationException("implemented by the definition-validator work");
    }
}
