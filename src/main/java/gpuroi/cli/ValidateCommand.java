package gpuroi.cli;

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
    boolean writes() {
        return false;
    }

    @Override
    Path outputFor(Path input) {
        throw new IllegalStateException("validate writes nothing");
    }
}
