package gpuroi.workbook;

import gpuroi.model.Assumptions;
import gpuroi.model.Field;
import gpuroi.model.Financing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every field the assumptions or the loan can refuse points at its own Assumptions row, so no problem loses its cell. */
class AssumptionsRowOfEveryAssumptionFieldTest {
    @TempDir
    Path dir;

    private static Set<Field> assumptionAndLoanFields() {
        Set<Field> fields = EnumSet.copyOf(Assumptions.FIELDS);
        fields.addAll(Financing.FIELDS);
        return fields;
    }

    @Test
    void everyFieldTheAssumptionsOrTheLoanCanRefuseHasAnAssumptionsRow() {
        assertThat(AssumptionsSheet.COLUMN_OF_FIELD.keySet()).containsAll(assumptionAndLoanFields());
    }

    @Test
    void eachFieldHasARowOfTheAssumptionsSheetAndNoTwoShareOne() {
        assertThat(AssumptionsSheet.PARAMETERS).containsAll(AssumptionsSheet.COLUMN_OF_FIELD.values());
        assertThat(new HashSet<>(AssumptionsSheet.COLUMN_OF_FIELD.values())).hasSameSizeAs(AssumptionsSheet.COLUMN_OF_FIELD.keySet());
    }

    /** Per field, a bad value in the first row (B1) and, for the loan, the rows a loan needs besides. */
    private static Map<Field, List<Object[]>> badFirstRows() {
        Object[] ltv = {"Loan to value", "50%"};
        Object[] rate = {"Loan rate", "8%"};
        Map<Field, List<Object[]>> rows = new EnumMap<>(Field.class);
        rows.put(Field.VALUATION_DATE, List.<Object[]>of(new Object[] {"Valuation date", "soon"}));
        rows.put(Field.CURRENCY, List.<Object[]>of(new Object[] {"Currency", "dollars"}));
        rows.put(Field.DISCOUNT_RATE, List.<Object[]>of(new Object[] {"Discount rate", "-150%"}));
        rows.put(Field.HURDLE_RATE, List.<Object[]>of(new Object[] {"Hurdle rate", "-150%"}));
        rows.put(Field.DEFAULT_PRICE_PATH, List.<Object[]>of(new Object[] {"Default price path", "up and to the right"}));
        rows.put(Field.MARKETPLACE_FEE, List.<Object[]>of(new Object[] {"Marketplace fee", "150%"}));
        rows.put(Field.RESALE_FEE, List.<Object[]>of(new Object[] {"Resale fee", "150%"}));
        rows.put(Field.RESALE_DISCOUNT, List.<Object[]>of(new Object[] {"Resale discount", "150%"}));
        rows.put(Field.TAX_RATE, List.<Object[]>of(new Object[] {"Tax rate", "150%"}));
        rows.put(Field.DEPRECIATION_YEARS, List.<Object[]>of(new Object[] {"Depreciation years", 0}));
        rows.put(Field.LOAN_TO_VALUE, List.of(new Object[] {"Loan to value", "150%"}, rate));
        rows.put(Field.LOAN_RATE, List.of(new Object[] {"Loan rate", "150%"}, ltv));
        rows.put(Field.LOAN_TERM, List.of(new Object[] {"Loan term", 0}, ltv, rate));
        rows.put(Field.BALLOON, List.of(new Object[] {"Balloon", "150%"}, ltv, rate));
        return rows;
    }

    @Test
    void aBadValueOfEveryFieldIsReportedAtItsOwnCell() throws Exception {
        Map<Field, List<Object[]>> cases = badFirstRows();
        assertThat(cases.keySet()).as("a case for every field").isEqualTo(assumptionAndLoanFields());

        for (Map.Entry<Field, List<Object[]>> c : cases.entrySet()) {
            TestWorkbook wb = new TestWorkbook().sheet("Assumptions");
            c.getValue().forEach(wb::row);
            Path file = wb.sheet("Fleet")
                    .row("Cluster id", "GPU model", "GPU count", "Capex per GPU", "Start price")
                    .row("a", "H100", 8, 30_000, 2.5)
                    .write(dir.resolve(c.getKey().name() + ".xlsx"));

            WorkbookException e = catchThrowableOfType(WorkbookException.class, () -> WorkbookReader.read(file, LocalDate.of(2026, 6, 1)));

            assertThat(e).as("%s", c.getKey()).isNotNull();
            assertThat(e.problems()).as("%s", c.getKey()).singleElement()
                    .satisfies(p -> assertThat(p.cell()).isEqualTo("Assumptions!B1"));
        }
    }
}
