package org.openmineral.task;

/**
 * A deployed form (form-js schema), as linked from a user task.
 *
 * @param schema the form's JSON, as deployed from {@code forms/}
 */
public record TaskForm(String formId, long formKey, int version, String schema) {}
