package gpuroi.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A workbook saved again while it is converted must not yield an output whose figures come from one version and whose
 * copied sheets from another: the job refuses to put such an output in place, as the machine's fault (convert exits with
 * 4, the hot folder tries the file again), never as a problem in the workbook.
 */
class ChangedInputTest {
    @TempDir
    Path dir;

    private static final Conversion.Options OPTIONS = Conversion.Options.at(LocalDate.of(2026, 6, 1), Optional.empty(), "test")
            .withoutMonteCarlo();

    @Test
    void anInputSavedAgainAfterItWasReadIsRefusedAsTheMachinesFaultNamingTheFile() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("fleet.xlsx"));
        Conversion.Analyzed analyzed = Conversion.analyze(input, OPTIONS);
        Files.copy(Path.of("samples/article-h100.xlsx"), input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        FileSystemException refused = catchThrowableOfType(FileSystemException.class, () -> ConversionJob.refuseChangedInput(analyzed));

        assertThat(refused.getFile()).isEqualTo(input.toString());
        JobOutcome outcome = JobOutcome.unreadable(input, refused);
        assertThat(outcome.machineFault()).isTrue();
        assertThat(outcome.message()).hasValue("fleet.xlsx: it changed while it was being converted; convert it again once it is saved");
    }

    @Test
    void anInputLeftAloneIsNotRefusedAndAConversionOfItGoesThrough() throws Exception {
        Path input = Files.copy(Path.of("samples/mixed-fleet.xlsx"), dir.resolve("fleet.xlsx"));
        Conversion.Analyzed analyzed = Conversion.analyze(input, OPTIONS);

        assertThatCode(() -> ConversionJob.refuseChangedInput(analyzed)).doesNotThrowAnyException();
        JobOutcome outcome = ConversionJob.run(input, OPTIONS, ConversionJob.Plan.write(dir.resolve("fleet.roi.xlsx")));
        assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.CONVERTED);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("fleet.xlsx", "fleet.roi.xlsx");
        }
    }
}
