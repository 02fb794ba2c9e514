package gpuroi.cli;

import gpuroi.workbook.TemplateWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gpuroi init}: a blank input workbook to fill in, with instructions, dropdowns and example rows. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.Provider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Write a blank input workbook to fill in.",
            "",
            "Its sheets are Instructions, Assumptions (with the defaults), Fleet, Leases and Market, each with headers "
                    + "gpuroi reads, valid example rows, dropdowns and number formats. Then run 'gpuroi convert FILE'. "
                    + "An existing file is never replaced unless --force is given.",
            ""},
        footer = {"", "Examples:",
            "  gpuroi init fleet.xlsx",
            "  gpuroi init q3/fleet.xlsx --force"})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .xlsx workbook to create; its folder must exist.")
    Path file;

    @Option(names = "--force", description = "Replace FILE if it already exists.")
    boolean force;

    @Override
    public Integer call() {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserInputException(List.of("gpuroi init " + file + ": expected a file name ending in .xlsx, e.g. fleet.xlsx"
                    + " (Excel will not open a workbook under another extension)"));
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException(List.of("gpuroi init " + file + ": that is a folder; expected a file name such as "
                    + file.resolve("fleet.xlsx")));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException(List.of("gpuroi init " + file + ": the folder " + folder + " does not exist; create it first"));
        }
        // The example rows are dated from the valuation date, which defaults to the first of this month as in convert.
        LocalDate valuationDate = LocalDate.now().withDayOfMonth(1);
        try {
            TemplateWorkbook.write(file, valuationDate, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException(List.of("gpuroi init " + file + ": the file already exists and was left as it is;"
                    + " choose another name, or add --force to replace it"));
        } catch (IOException e) {
            throw new UserInputException(List.of("gpuroi init " + file + ": could not be written ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); nothing was created"));
        }
        spec.commandLine().getOut().println("Wrote " + file + ": fill in the Fleet sheet (and Assumptions, Leases, Market as needed),"
                + " then run: gpuroi convert " + file);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
