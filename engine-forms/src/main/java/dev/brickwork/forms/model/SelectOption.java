package dev.brickwork.forms.model;

/** One option of a select or multiselect: the stored {@code value} and its label. */
public record SelectOption(String value, Label label) {
}
