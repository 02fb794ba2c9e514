package gpuroi.cli;

import gpuroi.pipeline.Conversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code gpuroi convert}: workbook in, computed workbook out beside it; the input is never modified. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Read fleet workbooks, run the ROI engine on every cluster and write each result as a new workbook:",
            "the input's sheets untouched, plus ROI Summary, ROI Inputs, ROI Cash Flows (live formulas), ROI Chart",
            "and ROI Notes. Output goes to NAME.roi.xlsx beside each input unless -o says otherwise.",
            ""},
        footer = {"", "Examples:",
            "  gpuroi convert samples/fleet.xlsx",
            "  gpuroi convert q1.xlsx q2.xlsx -o results/ --json"})
public final class ConvertCommand extends WorkbookCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Output file (one workbook) or existing folder (several). Default: NAME.roi.xlsx beside each input.")
    Path output;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    void validateOptions() {
        if (output != null && inputs.size() > 1 && !Files.isDirectory(output)) {
            throw new UserInputException(List.of("-o " + output + ": with several workbooks, -o must be an existing folder"));
        }
    }

    @Override
    Path outputFor(Path input) {
        if (output == null) {
            return Conversion.defaultOutput(input);
        }
        if (Files.isDirectory(output)) {
            return output.resolve(Conversion.defaultOutput(input).getFileName());
        }
        return output;
    }
}
