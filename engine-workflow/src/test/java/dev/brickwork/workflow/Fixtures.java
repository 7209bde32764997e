package dev.brickwork.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.compile.FormCatalog;
import dev.brickwork.forms.compile.FormCompilation;
import dev.brickwork.forms.compile.FormCompiler;
import dev.brickwork.workflow.read.FlowContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The contract form and the docs/spec.md §5 flow over it, and JSON helpers. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Set<String> ROLES = Set.of("sales_director", "finance_director", "legal");

    private Fixtures() {
    }

    public static CompiledForm contractForm() {
        FormCompilation compilation = FormCompiler.compile(resource("contract-form.json"), FormCatalog.EMPTY);
        if (compilation.form().isEmpty()) {
            throw new IllegalStateException("the fixture form does not compile: " + compilation.problems());
        }
        return compilation.form().get();
    }

    public static FlowContext context() {
        return new FlowContext(contractForm(), ROLES);
    }

    public static JsonNode contractFlow() {
        return resource("contract-approval.json");
    }

    public static JsonNode resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON written with single quotes for readability in test tables. */
    public static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
