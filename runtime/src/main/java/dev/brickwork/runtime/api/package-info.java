/**
 * The shapes of the runtime's API (docs/spec.md §4, §5, §8) as classes, for the answers the resources write as
 * Jackson trees (a record's fields come from its published form; the approval and notification answers are built
 * from rows). The OpenAPI document is typed from them ({@code @APIResponse}) and {@code ApiShapesTest} reads real
 * answers back into them, refusing unknown properties, so the document and the JSON cannot drift apart
 * (decision 0018). Answers a resource returns as objects (users, departments, tokens, audit) are typed by those
 * objects and are not repeated here.
 */
package dev.brickwork.runtime.api;
