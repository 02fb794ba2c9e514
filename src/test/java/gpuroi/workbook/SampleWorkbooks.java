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
 * Writes the committed samples: {@code samples/mixed-fleet.xlsx}, a mixed fleet as an investor would
 * keep it (title blocks, prices typed as text, formulas, contracts, market quotes, and gaps that the
 * reader fills from the Market sheet or the built-in catalog); {@code samples/article-h100.xlsx}, the
 * source article's $50k H100 at its three price points; and {@code samples/messy-fleet.xlsx}, a fleet
 * typed the way people really type it, which must still convert without errors.
 * Run {@code main} to regenerate them; {@link SampleWorkbooksTest} checks they are current.
 */
public final class SampleWorkbooks {
    private SampleWorkbooks() {
    }

    public static final Path FLEET = Path.of("samples", "mixed-fleet.xlsx");
    public static final Path ARTICLE = Path.of("samples", "article-h100.xlsx");
    public static final Path MESSY = Path.of("samples", "messy-fleet.xlsx");

    /** A number shown as a percentage. */
    private record Pct(double fraction) {
    }

    /** A number shown as money with a format. */
    private record Money(double amount) {
    }

    /** A price per GPU-hour, shown with cents. */
    private record Price(double perGpuHour) {
    }

    /** A formula whose result is saved, as Excel saves it; shown as money unless it counts things. */
    private record Formula(String formula, boolean money) {
        Formula(String formula) {
            this(formula, true);
        }
    }

    /** Writes every sample into {@code samples/}, or into the folder given as the first argument. */
    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FLEET.getParent();
        Files.createDirectories(folder);
        writeFleet(folder.resolve(FLEET.getFileName()));
        writeArticle(folder.resolve(ARTICLE.getFileName()));
        writeMessy(folder.resolve(MESSY.getFileName()));
        System.out.println("wrote the samples into " + folder.toAbsolutePath());
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

    /**
     * The source article's case ("$2 H100s: How the GPU Rental Bubble Burst", Oct 2024) as three
     * planned one-GPU clusters: $50,000 all-in, 5 years, 100% utilization, rent blended to 50% over
     * 5 years, 0.7 kW × PUE 1.3 × $0.10/kWh of power, a 10% hurdle, priced at $1.65, $2.85 and $4.50.
     */
    public static void writeArticle(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet a = wb.createSheet("Assumptions");
            title(a, st, "The article's H100 case", "\"$2 H100s: How the GPU Rental Bubble Burst\", Oct 2024");
            header(a, 3, st, "Parameter", "Value", "Comment");
            write(a, 4, st, "Valuation date", LocalDate.of(2024, 10, 1), "the article's month");
            write(a, 5, st, "Currency", "USD");
            write(a, 6, st, "Discount rate", new Pct(0.10), "the stock market, the article's benchmark");
            write(a, 7, st, "Hurdle rate", new Pct(0.10), "beat the stock market or rent instead");
            write(a, 8, st, "Default price path", "blended:0.5:5", "the article's 'blended price': linear to 50% over 5 years");
            write(a, 9, st, "Marketplace fee", new Pct(0), "none in the article");
            write(a, 10, st, "Resale fee", new Pct(0), "no resale in the article");
            a.setColumnWidth(0, 20 * 256);
            a.setColumnWidth(1, 16 * 256);
            a.setColumnWidth(2, 60 * 256);

            Sheet f = wb.createSheet("Fleet");
            title(f, st, "One H100 at the article's three price points",
                    "Below $1.65/hr an expected loss; above $2.85/hr it beats the stock market; $4.50/hr returns over 20%");
            header(f, 3, st, "Cluster id", "Status", "GPU model", "GPU count", "Capex per GPU ($)", "Useful life (years)",
                    "Residual value", "Power per GPU (kW)", "PUE", "Electricity ($/kWh)", "Other opex per GPU-month ($)",
                    "Utilization", "Start price ($/GPU-hr)", "Price path", "Notes");
            double[] prices = {1.65, 2.85, 4.50};
            String[] notes = {"the article: below $1.65/hr, expect a loss", "the article: about 10% a year",
                "the article: over 20% a year"};
            for (int i = 0; i < prices.length; i++) {
                write(f, 4 + i, st, "h100-at-" + String.format(java.util.Locale.ROOT, "%.2f", prices[i]), "Planned", "H100 SXM", 1,
                        new Money(50_000), 5, new Pct(0), 0.7, 1.3, 0.10, new Money(0), new Pct(1.0), new Price(prices[i]),
                        "blended:0.5:5", notes[i]);
            }
            int[] widths = {14, 9, 11, 9, 12, 10, 10, 10, 6, 11, 13, 11, 12, 14, 44};
            for (int i = 0; i < widths.length; i++) {
                f.setColumnWidth(i, widths[i] * 256);
            }
            f.createFreezePane(1, 4);
            save(wb, file);
        }
    }

    /**
     * A fleet as people really type it, which must convert without errors but with warnings: title
     * and note rows above the headers, aliases and bracketed units in shuffled order, amounts as text
     * ({@code 45,000}, {@code $2.85/hr}, {@code $23.5k}, {@code $1.2M}), percentages typed as bare
     * numbers ({@code 70}), dates as text, serials and date cells, a blank row, a totals row and a
     * footnote, formulas, unknown columns and an unknown sheet, and sheet names in odd case and spacing.
     */
    public static void writeMessy(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet f = wb.createSheet("FLEET ");
            write(f, 0, st, "Fleet — all lots (owned + pipeline)");
            write(f, 1, st, "Prices per GPU-hour; capex per GPU unless marked total");
            write(f, 2, st, "Source: finance team, May 2026");
            header(f, 4, st, "SKU", "Cluster name", "Qty", "Unit cost (USD)", "Total investment ($)", "State", "In service date",
                    "Util.", "Rent ($/GPU-hr)", "Price curve", "Lifetime (yrs)", "Salvage value", "kW per GPU", "PUE",
                    "Power price ($/kWh)", "Colocation per GPU-month ($)", "Used price per GPU", "Rack location", "Comments");
            // Rows 6-7, a blank row 8, rows 9-10, a totals row 11 and a footnote 13.
            write(f, 5, st, "H100 SXM5 80GB", "h100-lot-a", 64, "45,000", null, "owned", LocalDate.of(2023, 3, 15),
                    70, "$2.85/hr", null, 5, "0%", 1.15, 1.3, "$0.08", 120, "$23.5k", "DAL-3 R12", "reserved to Acme until 2027");
            write(f, 6, st, "A100 80GB", "a100-old", 32, new Money(16_000), new Formula("C7*D7"), "Owned", 44571,
                    "85%", 1.40, "flat", 5, 10, 0.8, 1.3, 0.08, 100, null, "DAL-3 R14", "used price: see Market data");
            write(f, 8, st, "H200", "h200-pipeline", 32, null, "$1.2M", "plan", "2026-09-01",
                    0.75, null, "blended:0.5:5", 5, "10%", null, 1.3, 0.08, 120, null, null, "rent and power from Market data");
            write(f, 9, st, "L40S", "l40s-inference", 48, "$9.5k", new Formula("C10*9500"), "Owned", "2024-11-01",
                    65, "$0.95/hr", "flat", "4", "5%", null, 1.3, "0.08", "60", null, "PHX-1", "power from the built-in catalog");
            write(f, 10, st, null, "Total", new Formula("SUM(C6:C10)", false), null, new Formula("SUM(E6:E10)"));
            write(f, 12, st, "* H200 delivery slipped from July; L40S power not measured yet");
            f.setColumnWidth(0, 16 * 256);
            f.setColumnWidth(1, 16 * 256);
            f.setColumnWidth(18, 40 * 256);

            Sheet a = wb.createSheet(" settings ");
            write(a, 0, st, "GPU book — working copy (do not circulate)");
            write(a, 1, st, "last edited by JM, numbers from the May board deck");
            write(a, 3, st, "As of", "2026-06-01");
            write(a, 4, st, "Ccy", "USD");
            write(a, 5, st, "WACC", "10%");
            write(a, 6, st, "Target IRR", 12);
            write(a, 7, st, "Rental price path", "linear to 50% in 5 years");
            write(a, 8, st, "Platform fee", 8);
            write(a, 9, st, "Broker fee", "5%");
            a.setColumnWidth(0, 24 * 256);
            a.setColumnWidth(1, 26 * 256);

            Sheet c = wb.createSheet("Contracts");
            write(c, 0, st, "Contracts");
            write(c, 1, st, "who rents what from whom");
            header(c, 3, st, "Lease", "Customer", "We are", "Cluster", "Commencement", "Term (years)", "Price ($/GPU-hr)", "GPUs",
                    "Upfront", "Sublease", "Needed", "GPU", "Exit fee ($)", "Signed by");
            write(c, 4, st, "acme-2023", "Acme AI Labs", "Lessor", "h100-lot-a", 45017, 4, "$4.20/hr", 64, 50, null, null,
                    null, null, "JM");
            write(c, 5, st, "bigcloud-train", "BigCloud", "lessee", null, LocalDate.of(2025, 7, 1), 2, "$2.65", 128, "25%", "Y",
                    48, "H100 SXM", null, "CFO");
            c.setColumnWidth(0, 16 * 256);

            Sheet m = wb.createSheet("Market data");
            write(m, 0, st, "Broker quotes — May 2026");
            header(m, 2, st, "Model", "On demand ($/hr)", "Used price ($)", "Decline per year", "Power draw (kW)", "Broker");
            write(m, 3, st, "H100 SXM", "$2.95", "$23,500", 40, 1.15, "median of 37 providers");
            write(m, 4, st, "H200", 4.5, null, "35%", "1.2", "on-demand about $4.50");
            write(m, 5, st, "A100 80GB", "1.50", "9k", "30%", 0.8, "broker quote");

            Sheet e = wb.createSheet("Broker emails");
            write(e, 0, st, "From: broker — Re: used H100 bids");
            write(e, 1, st, "Bids for 64 used H100 SXM at $22-25k each, 2-week close.");
            e.setColumnWidth(0, 70 * 256);
            save(wb, file);
        }
    }

    private static void save(XSSFWorkbook wb, Path file) throws IOException {
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
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
                "Utilization", "Start price [$/GPU-hr]", "Price path", "Secondary price per GPU", "Use", "Notes");
        // Row 5 onward; Total capex is a live formula, as analysts write it.
        write(s, 4, st, "h100-2023", "Owned", "H100 SXM5 80GB", 64, new Money(45_000), new Formula("D5*E5"), LocalDate.of(2023, 3, 15),
                5, new Pct(0), 1.15, 1.3, 0.08, new Money(120), new Pct(0.70), "$2.85/hr", null, "$23,500", null,
                "bought at the 2023 peak; half reserved to Acme AI for 3 years");
        write(s, 5, st, "a100-lot", "Owned", "A100 80GB", 32, new Money(16_000), new Formula("D6*E6"), LocalDate.of(2022, 1, 10),
                5, new Pct(0.10), 0.8, 1.3, 0.08, new Money(100), new Pct(0.85), 1.40, null, null, null,
                "secondary price from Market");
        write(s, 6, st, "h200-plan", "Planned", "H200", 32, new Money(38_000), new Formula("D7*E7"), LocalDate.of(2026, 9, 1),
                5, new Pct(0.10), null, 1.3, 0.08, new Money(120), new Pct(0.75), null, "blended 50% over 5 years", null, "Own use",
                "start price and power from Market; the GPU-hours are for our own training runs");
        write(s, 7, st, "b200-plan", "Planned", "B200", 16, "$62k", new Formula("D8*62000"), null,
                5, new Pct(0.15), 1.8, 1.25, 0.08, new Money(150), new Pct(0.80), null, "decline 35% per year", null, "Rent out",
                "no Market row: start price from the built-in catalog");
        write(s, 8, st, "l40s-inference", "Owned", "L40S", 48, new Money(9_500), new Formula("D9*E9"), "2024-11-01",
                4, "5%", null, 1.3, 0.08, new Money(60), "65%", "$0.95/hr", "flat", null, null,
                "inference lot; power from the catalog");
        int[] widths = {16, 9, 17, 7, 14, 15, 13, 10, 10, 10, 6, 11, 13, 11, 13, 26, 14, 10, 52};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(1, 4);
    }

    private static void leases(Sheet s, Styles st) {
        title(s, st, "Rental contracts", "Lessor: we rent our cluster out · Lessee: we rent from a provider");
        header(s, 3, st, "Contract id", "Role", "Cluster id", "Counterparty", "GPU model", "GPU count", "Rate ($/GPU-hr)", "Start date",
                "Term (months)", "Prepaid share", "GPUs actually needed", "Resale allowed", "Termination fee ($)");
        // Signed with the purchase, as 2023 reservations were: a quarter prepaid, the rest monthly.
        write(s, 4, st, "acme-reserved-2023", "Lessor", "h100-2023", "Acme AI Labs", "H100 SXM", 32, "$4.20/hr",
                LocalDate.of(2023, 3, 15), 36, new Pct(0.25), null, null, null);
        // A 2023 reservation above $4/hr, half prepaid; training is done and 80 GPUs sit idle.
        write(s, 5, st, "bigcloud-reserved-2023", "Lessee", null, "BigCloud", "H100 SXM", 128, "$4.35/hr", LocalDate.of(2023, 9, 1),
                48, new Pct(0.5), 48, "Yes", null);
        write(s, 6, st, "neocloud-h200", "Lessee", null, "NeoCloud", "H200", 16, "$3.90/hr", "2025-10-01",
                18, new Pct(0), 16, "No", new Money(120_000));
        // A100s reserved in mid-2024 at $2.10: the market is now $1.50 and falling; no sublease allowed, an exit fee.
        write(s, 7, st, "gpulist-a100-2024", "Lessee", null, "GPUlist.ai", "A100 80GB", 32, 2.10, LocalDate.of(2024, 7, 1),
                36, new Pct(0), 24, "No", new Money(60_000));
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
            } else if (v instanceof Price p) {
                c.setCellValue(p.perGpuHour());
                c.setCellStyle(st.price);
            } else if (v instanceof Formula f) {
                c.setCellFormula(f.formula());
                if (f.money()) {
                    c.setCellStyle(st.money);
                }
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
        final CellStyle price;

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
            price = wb.createCellStyle();
            price.setDataFormat(formats.getFormat("$#,##0.00"));
        }
    }
}
