package org.radmd.pipelines.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * What a finished build produced.
 *
 * @param outputDir the output root
 * @param stats the content of {@code stats.json}
 * @param medmdSamples samples in MedMD
 * @param radmdSamples samples in RadMD
 * @param rejects rejects written
 * @param seconds wall time of the whole job, seconds
 */
public record BuildReport(Path outputDir, ObjectNode stats, int medmdSamples, int radmdSamples, int rejects,
    double seconds) {}
