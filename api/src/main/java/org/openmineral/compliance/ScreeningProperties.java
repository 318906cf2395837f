package org.openmineral.compliance;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.screening.*}.
 *
 * @param sanctionsDirectory folder with the OFAC legacy CSV snapshots (one sub-folder per
 *     snapshot); a relative path is looked up from the working directory and its parents. The
 *     repository ships public snapshots under {@code reference-data/sanctions}: demo data, never a
 *     real screening source; point this at a current download in production.
 */
@ConfigurationProperties("openmineral.screening")
public record ScreeningProperties(
    @DefaultValue("reference-data/sanctions") Path sanctionsDirectory) {}
