package gpuroi.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small workbook with lessee contracts whose figures can be checked by hand, shared by the JSON,
 * sheet and memo tests. Valued at 2026-01-01, hurdle = discount rate = 10%, marketplace fee 10%.
 *
 * <p>{@code idle-h100}: 10 H100s at $4.00/hr from 2024-01-01 for 48 months, 0% prepaid, 6 needed,
 * resale allowed, a $200,000 termination fee; 25 payments are left, the first on the valuation date
 * itself (the 24th month ends on 2026-01-01: still to pay), each obligation 10 × 4.00 × 730 = $29,200. The Market sheet prices H100 SXM at $2.00/hr, flat. {@code kept-a100}: 8 A100s, all needed,
 * no resale, no fee: KEEP is the only option.
 */
public final class LeaseWorkbooks {
    public static final double HURDLE = 0.10;
    public static final double MONTHLY_OBLIGATION = 10 * 4.00 * 730;
    public static final double MARKET_PRICE = 2.00;
    public static final double MARKETPLACE_FEE = 0.10;
    public static final double TERMINATION_FEE = 200_000;

    private LeaseWorkbooks() {
    }

    /** Σ (1 + hurdle)^(−m/12) for m = 0..24: the present value of $1 paid at each of the 25 remaining month ends. */
    public static double remainingAnnuity() {
        double sum = 0;
        for (int m = 0; m <= 24; m++) {
            sum += Math.pow(1 + HURDLE, -m / 12.0);
        }
        return sum;
    }

    public static double keepCost() {
        return MONTHLY_OBLIGATION * remainingAnnuity();
    }

    /** KEEP less 4 idle GPUs subleased at the market price, net of the marketplace fee. */
    public static double resellCapacityCost() {
        return keepCost() - 4 * 730 * MARKET_PRICE * (1 - MARKETPLACE_FEE) * remainingAnnuity();
    }

    /** The fee now plus the 6 needed GPUs rented at the market price. */
    public static double terminateCost() {
        return TERMINATION_FEE + 6 * 730 * MARKET_PRICE * remainingAnnuity();
    }

    public static Path write(Path file) throws IOException {
        return write(file, false);
    }

    /** With {@code taxAndLoan}: a 25% tax rate and a 50% loan at 8%, so clusters get after-tax and equity views. */
    public static Path write(Path file, boolean taxAndLoan) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet assumptions = wb.createSheet("Assumptions");
            row(assumptions, 0, "Parameter", "Value");
            row(assumptions, 1, "Valuation date", "2026-01-01");
            row(assumptions, 2, "Discount rate", "10%");
            row(assumptions, 3, "Marketplace fee", "10%");
            if (taxAndLoan) {
                row(assumptions, 4, "Tax rate", "25%");
                row(assumptions, 5, "Loan to value", "50%");
                row(assumptions, 6, "Loan rate", "8%");
            }
            XSSFSheet fleet = wb.createSheet("Fleet");
            row(fleet, 0, "Cluster ID", "GPU model", "GPUs", "Capex per GPU ($)", "Status", "Useful life (years)",
                    "Utilization", "Start price ($/GPU-hr)", "Price path");
            row(fleet, 1, "planned-h100", "H100 SXM", 8, "$25,000", "Planned", 5, "70%", "$2.20/hr", "blended:0.5:5");
            XSSFSheet leases = wb.createSheet("Leases");
            row(leases, 0, "Contract id", "Role", "Counterparty", "GPU model", "GPUs", "Rate ($/GPU-hr)", "Start date",
                    "Term (months)", "Prepaid share", "GPUs needed", "Resale allowed", "Termination fee");
            row(leases, 1, "idle-h100", "Lessee", "NeoCloud", "H100 SXM", 10, 4.00, "2024-01-01", 48, "0%", 6, "yes", "$200,000");
            row(leases, 2, "kept-a100", "Lessee", "OldCloud", "A100", 8, 1.20, "2025-07-01", 24, "25%", 8, "no", "");
            XSSFSheet market = wb.createSheet("Market");
            row(market, 0, "GPU model", "On-demand price", "Annual price decline");
            row(market, 1, "H100 SXM", 2.00, "0%");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static void row(XSSFSheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (!"".equals(values[i])) {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }
}
