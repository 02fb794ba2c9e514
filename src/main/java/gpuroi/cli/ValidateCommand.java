package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ConversionJob;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** {@code gpuroi validate}: the same reading and checks as convert, without writing anything. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Check fleet workbooks without writing anything.",
            "",
            "Prints every problem by sheet and cell, every warning, and the decision each cluster would get.",
            ""})
public final class ValidateCommand extends WorkbookCommand {
    @Override
    ConversionJob.Plan plan(Path input) {
        return ConversionJob.Plan.check();
    }

    @Override
    Conversion.Options options(Conversion.Options base) {
        return base.withoutMonteCarlo();
    }
}
