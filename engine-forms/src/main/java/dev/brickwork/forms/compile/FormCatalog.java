package dev.brickwork.forms.compile;

import dev.brickwork.forms.model.FormDefinition;

import java.util.Optional;

/** The other forms of the same app a definition may point at (references, roll-ups): their current published versions. */
public interface FormCatalog {

    Optional<FormDefinition> form(String formKey);

    FormCatalog EMPTY = key -> Optional.empty();
}
