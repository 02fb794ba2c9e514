package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.model.AssumptionTerms;
import gpuroi.model.Assumptions;
import gpuroi.model.Cluster;
import gpuroi.model.Formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each input a memo relies on, with where it came from: the reader's note when it applied a default,
 * a catalog value or a warning; otherwise the workbook itself. Labels are the workbook's column
 * names, which is how the reader's notes name them.
 */
final class AssumptionSources {
    private AssumptionSources() {
    }

    static List<Map<String, Object>> rows(ClusterAnalysis analysis, Assumptions a, List<SourceNote> notes) {
        Cluster c = analysis.cluster();
        String ccy = a.currency();
        List<Map<String, Object>> rows = new ArrayList<>();
        add(rows, notes, c, "Capex per GPU", Formats.money(c.capexPerGpu(), ccy));
        add(rows, notes, c, "Status", c.status().label());
        add(rows, notes, c, "Purchase date", c.startDate().map(Object::toString).orElse("at the valuation date"));
        add(rows, notes, c, "Useful life", Formats.plain(c.lifeYears()) + " years");
        add(rows, notes, c, "Residual value", Formats.percent(c.residualShare(), 0) + " of capex");
        add(rows, notes, c, "Power per GPU", Formats.plain(c.powerKwPerGpu()) + " kW");
        add(rows, notes, c, "PUE", Formats.plain(c.pue()));
        add(rows, notes, c, "Electricity $/kWh", Formats.currencyPrefix(ccy) + Formats.plain(c.electricityPerKwh()) + "/kWh");
        add(rows, notes, c, "Other opex per GPU-month", Formats.price(c.otherOpexPerGpuMonth(), ccy));
        add(rows, notes, c, "Utilization", Formats.percent(c.utilization(), 1));
        add(rows, notes, c, "Start rental price", Formats.price(c.startPricePerGpuHour(), ccy) + "/GPU-hr");
        add(rows, notes, c, "Price path", analysis.schedule().pricePath().spec()
                + (c.pricePath().isEmpty() ? " (portfolio default)" : ""));
        add(rows, notes, c, "Secondary price per GPU",
                c.secondaryPricePerGpu().isPresent() ? Formats.money(c.secondaryPricePerGpu().getAsDouble(), ccy) : "not known");
        add(rows, notes, null, "Valuation date", a.valuationDate().toString());
        add(rows, notes, null, "Discount rate", Formats.percent(a.discountRate(), 1));
        add(rows, notes, null, "Hurdle rate", Formats.percent(a.hurdleRate(), 1));
        add(rows, notes, null, "Marketplace fee", Formats.percent(a.marketplaceFee(), 1));
        add(rows, notes, null, "Resale fee", Formats.percent(a.resaleFee(), 1));
        rows.addAll(financialTerms(a, notes));
        add(rows, notes, null, "Hours per month", "730 (8,760 / 12; the model's convention)");
        return rows;
    }

    /**
     * Tax, depreciation and loan terms: they change the after-tax and equity figures, not the decision, and are
     * listed whether given or not so a reader knows which view the figures are.
     */
    static List<Map<String, Object>> financialTerms(Assumptions a, List<SourceNote> notes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        addTerm(rows, notes, "Tax rate", AssumptionTerms.tax(a), a.taxRate().isPresent(), AssumptionTerms.TAX_EFFECT);
        addTerm(rows, notes, "Depreciation years", AssumptionTerms.depreciation(a),
                a.taxRate().isPresent() && a.depreciationYears().isPresent(), "");
        addTerm(rows, notes, "Loan", AssumptionTerms.loan(a), a.financing().isPresent(), AssumptionTerms.LOAN_EFFECT);
        return rows;
    }

    /** The portfolio-wide inputs every memo relies on, with their sources. */
    static List<Map<String, Object>> portfolioWide(Assumptions a, List<SourceNote> notes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        add(rows, notes, null, "Valuation date", a.valuationDate().toString());
        add(rows, notes, null, "Discount rate", Formats.percent(a.discountRate(), 1));
        add(rows, notes, null, "Hurdle rate", Formats.percent(a.hurdleRate(), 1));
        add(rows, notes, null, "Marketplace fee", Formats.percent(a.marketplaceFee(), 1));
        add(rows, notes, null, "Resale fee", AssumptionTerms.resaleFee(a));
        add(rows, notes, null, "Resale discount", AssumptionTerms.resaleDiscount(a));
        rows.addAll(financialTerms(a, notes));
        return rows;
    }

    private static void addTerm(List<Map<String, Object>> rows, List<SourceNote> notes, String label, String value, boolean given,
                                String effect) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", label);
        row.put("value", value);
        String source = source(notes, null, label);
        if (given) {
            row.put("source", source + (effect.isEmpty() ? "" : "; " + effect));
        } else {
            row.put("source", source.equals("workbook") ? "not given: the default" : source);
        }
        rows.add(row);
    }

    /** Warnings about this cluster, and those about the workbook as a whole. */
    static List<String> warnings(Cluster cluster, List<SourceNote> notes) {
        List<String> out = new ArrayList<>();
        for (SourceNote note : notes) {
            if (!note.kind().equals("warning")) {
                continue;
            }
            boolean aboutCluster = note.message().contains("cluster " + cluster.id());
            boolean aboutWorkbook = !note.message().toLowerCase(Locale.ROOT).contains("cluster ");
            if (aboutCluster || aboutWorkbook) {
                out.add(note.location() + ": " + note.message());
            }
        }
        return out;
    }

    private static void add(List<Map<String, Object>> rows, List<SourceNote> notes, Cluster cluster, String label, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", label);
        row.put("value", value);
        row.put("source", source(notes, cluster, label));
        rows.add(row);
    }

    private static String source(List<SourceNote> notes, Cluster cluster, String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (SourceNote note : notes) {
            String message = note.message().toLowerCase(Locale.ROOT);
            boolean matches = cluster == null
                    ? message.startsWith(lower + " not given") || message.startsWith(lower + " is empty")
                    : message.startsWith("cluster " + cluster.id().toLowerCase(Locale.ROOT) + ": " + lower)
                            || message.startsWith("no '" + lower + "' column");
            if (matches) {
                return note.kind() + " (" + note.location() + "): " + note.message();
            }
        }
        return cluster == null && label.equals("Hours per month") ? "model convention" : "workbook";
    }
}
