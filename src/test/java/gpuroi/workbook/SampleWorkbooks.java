package gpuroi.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code samples/fleet.xlsx}: a mixed fleet as an investor would keep it, with title blocks,
 * prices typed as text, a utilization typed as a percentage, formulas, contracts and market quotes,
 * and deliberate gaps that the reader fills from the Market sheet or the built-in catalog.
 * Run {@code main} to regenerate the committed sample; {@link SampleWorkbooksTest} checks it is current.
 */
public final class SampleWorkbooks {
    private SampleWorkbooks() {
    }

    public static final Path FLEET = Path.of("samples", "mixed-fleet.xlsx");

    /** A number shown as a percentage. */
    private record Pct(double fraction) {
    }

    /** A number shown as money with a format. */
    private record Money(double amount) {
    }

    /** A formula whose result is saved, as Excel saves it. */
    private record Formula(String formula) {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : FLEET;
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        writeFleet(target);
        System.out.println("wrote " + target.toAbsolutePath());
    }

    public static void writeFleet(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            assumptions(wb.createSheet("Assumptions"), styles);
            fleet(wb.createSheet("Fleet"), styles);
            leases(wb.createSheet("Leases"), styles);
            market(wb.createSheet("Market"), styles);
            Sheet notes = wb.createSheet("Notes");
            write(notes, 0, styles, "Working notes (not read by gpu-roi)");
            write(notes, 1, styles, "B200 quote from the integrator expires end of July.");
            write(notes, 2, styles, "Ask BigCloud whether 80 idle GPUs can be resold on Runpod or Vast.ai.");
            notes.setColumnWidth(0, 80 * 256);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void assumptions(Sheet s, Styles st) {
        title(s, st, "Acme GPU Partners — fleet review", "Prepared June 2026 · all amounts in USD");
        header(s, 3, st, "Parameter", "Value", "Comment");
        int r = 4;
        write(s, r++, st, "Valuation date", LocalDate.of(2026, 6, 1), "first day of the month of the review");
        write(s, r++, st, "Currency", "USD");
        write(s, r++, st, "Discount rate", new Pct(0.10), "our cost of capital");
        write(s, r++, st, "Hurdle rate", new Pct(0.12), "stock-market return plus a margin");
        write(s, r++, st, "Default price path", "blended 50% over 5 years", "the source article's 'blended' assumption");
        write(s, r++, st, "Marketplace fee", new Pct(0.08), "Runpod / Vast.ai take on resold hours");
        write(s, r++, st, "Resale fee", new Pct(0.05), "broker, logistics and data wiping");
        write(s, r++, st, "Tax rate", new Pct(0.21));
        write(s, r++, st, "Depreciation years", 5);
        write(s, r++, st, "Monte Carlo runs", 1000);
        write(s, r, st, "Seed", 42);
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 26 * 256);
        s.setColumnWidth(2, 44 * 256);
    }

    private static void fleet(Sheet s, Styles st) {
        title(s, st, "GPU fleet — owned and planned clusters", "One row per cluster or purchase lot; blank cells use the Market sheet or defaults");
        header(s, 3, st, "Cluster", "Status", "GPU model", "GPUs", "Capex per GPU ($)", "Total capex ($)", "Purchase date",
                "Useful life (years)", "Residual value", "Power (kW/GPU)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month",
                "Utilization", "Start price [$/GPU-hr]", "Price path", "Secondary price per GPU", "Notes");
        // Row 5 onward; Total capex is a live formula, as analysts write it.
        write(s, 4, st, "h100-2023", "Owned", "H100 SXM5 80GB", 64, new Money(45_000), new Formula("D5*E5"), LocalDate.of(2023, 3, 15),
                5, new Pct(0), 1.15, 1.3, 0.08, new Money(120), new Pct(0.70), "$2.85/hr", null, "$23,500",
                "bought at the 2023 peak; reserved to Acme until 2027");
        write(s, 5, st, "a100-lot", "Owned", "A100 80GB", 32, new Money(16_000), new Formula("D6*E6"), LocalDate.of(2022, 1, 10),
                5, new Pct(0.10), 0.8, 1.3, 0.08, new Money(100), new Pct(0.85), 1.40, null, null, "secondary price from Market");
        write(s, 6, st, "h200-plan", "Planned", "H200", 32, new Money(38_000), new Formula("D7*E7"), LocalDate.of(2026, 9, 1),
                5, new Pct(0.10), null, 1.3, 0.08, new Money(120), new Pct(0.75), null, "blended 50% over 5 years", null,
                "start price and power from Market");
        write(s, 7, st, "b200-plan", "Planned", "B200", 16, "$62k", new Formula("D8*62000"), null,
                5, new Pct(0.15), 1.8, 1.25, 0.08, new Money(150), new Pct(0.80), null, "decline 35% per year", null,
                "no Market row: start price from the built-in catalog");
        write(s, 8, st, "l40s-inference", "Owned", "L40S", 48, new Money(9_500), new Formula("D9*E9"), "2024-11-01",
                4, "5%", null, 1.3, 0.08, new Money(60), "65%", "$0.95/hr", "flat", null, "inference lot; power from the catalog");
        int[] widths = {16, 9, 17, 7, 14, 15, 13, 10, 10, 10, 6, 11, 13, 11, 13, 26, 14, 52};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(1, 4);
    }

    private static void leases(Sheet s, Styles st) {
        title(s, st, "Rental contracts", "Lessor: we rent our cluster out · Lessee: we rent from a provider");
        header(s, 3, st, "Contract id", "Role", "Cluster id", "Counterparty", "GPU model", "GPU count", "Rate ($/GPU-hr)", "Start date",
                "Term (months)", "Prepaid share", "GPUs actually needed", "Resale allowed", "Termination fee ($)");
        write(s, 4, st, "acme-reserved-2023", "Lessor", "h100-2023", "Acme AI Labs", "H100 SXM", 64, "$4.20/hr",
                LocalDate.of(2023, 4, 1), 48, new Pct(0.5), null, null, null);
        write(s, 5, st, "bigcloud-training", "Lessee", null, "BigCloud", "H100 SXM", 128, 2.65, LocalDate.of(2025, 7, 1),
                24, new Pct(0.25), 48, "Yes", null);
        write(s, 6, st, "neocloud-h200", "Lessee", null, "NeoCloud", "H200", 16, "$3.90/hr", "2025-10-01",
                18, new Pct(0), 16, "No", new Money(120_000));
        int[] widths = {20, 8, 12, 15, 11, 10, 14, 12, 13, 13, 19, 14, 18};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(1, 4);
    }

    private static void market(Sheet s, Styles st) {
        title(s, st, "Market reference, May 2026", "Our broker's quotes; models not listed fall back to gpu-roi's catalog");
        header(s, 3, st, "GPU model", "On-demand ($/GPU-hr)", "Reserved 1-yr ($/GPU-hr)", "Annual price decline", "New price per GPU",
                "Secondary price per GPU", "Power per GPU (kW)", "Source");
        write(s, 4, st, "H100 SXM", 2.95, 2.65, new Pct(0.40), new Money(38_750), new Money(23_500), 1.15,
                "median of 37 providers, May 2026; used $22-25k");
        write(s, 5, st, "H200", 4.50, null, new Pct(0.35), new Money(40_000), null, 1.2, "on-demand ~$4.50, 2026");
        write(s, 6, st, "A100 80GB", 1.50, 1.10, new Pct(0.30), null, new Money(9_000), 0.8, "broker quote, May 2026");
        int[] widths = {12, 20, 23, 19, 17, 22, 18, 44};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static void title(Sheet s, Styles st, String title, String subtitle) {
        Cell t = s.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(st.title);
        s.createRow(1).createCell(0).setCellValue(subtitle);
    }

    private static void header(Sheet s, int rowIndex, Styles st, String... names) {
        Row row = s.createRow(rowIndex);
        for (int i = 0; i < names.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names[i]);
            c.setCellStyle(st.header);
        }
    }

    private static void write(Sheet s, int rowIndex, Styles st, Object... values) {
        Row row = s.createRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            if (v instanceof String text) {
                c.setCellValue(text);
            } else if (v instanceof Integer n) {
                c.setCellValue(n);
            } else if (v instanceof Double d) {
                c.setCellValue(d);
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(st.date);
            } else if (v instanceof Pct p) {
                c.setCellValue(p.fraction());
                c.setCellStyle(st.percent);
            } else if (v instanceof Money m) {
                c.setCellValue(m.amount());
                c.setCellStyle(st.money);
            } else if (v instanceof Formula f) {
                c.setCellFormula(f.formula());
                c.setCellStyle(st.money);
            } else {
                throw new IllegalArgumentException("unsupported sample value " + v);
            }
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle date;
        final CellStyle percent;
        final CellStyle money;

        Styles(XSSFWorkbook wb) {
            var formats = wb.getCreationHelper().createDataFormat();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            date = wb.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            percent = wb.createCellStyle();
            percent.setDataFormat(formats.getFormat("0%"));
            money = wb.createCellStyle();
            money.setDataFormat(formats.getFormat("$#,##0"));
        }
    }
}
