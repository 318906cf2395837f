package org.openmineral.task;

/** A deployed process definition version. */
public record ProcessDefinitionView(
    String id, String name, int version, long key, String resourceName) {}
