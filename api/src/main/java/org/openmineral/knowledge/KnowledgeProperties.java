package org.openmineral.knowledge;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.knowledge.*}: the reference texts the agents and the copilot search.
 *
 * @param directory folder with one sub-folder of Markdown documents per collection; a relative path
 *     is looked up from the working directory and its parents
 * @param collections the sub-folders indexed
 * @param indexAtStart build (or bring up to date) the index in the background once the application
 *     is ready; otherwise only on {@code POST /api/knowledge/index}
 */
@ConfigurationProperties("openmineral.knowledge")
public record KnowledgeProperties(
    @DefaultValue("reference-data") Path directory,
    @DefaultValue({"clauses", "procedures"}) List<String> collections,
    @DefaultValue("true") boolean indexAtStart) {}
