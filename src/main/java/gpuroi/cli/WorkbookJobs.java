package gpuroi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.ClusterMetrics;
import gpuroi.engine.HoldFigures;
import gpuroi.engine.IrrResult;
import gpuroi.engine.RiskProfile;
import gpuroi.engine.SensitivityFigures;
import gpuroi.model.Assumptions;
import gpuroi.model.Formats;
import gpuroi.pipeline.Conversion;
import gpuroi.pipeline.ErrorDocument;
import gpuroi.pipeline.JobOutcome;
import gpuroi.workbook.CellProblem;
import gpuroi.workbook.InputNote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.Optional;

/** What convert and validate report per workbook, as text for people and as JSON for scripts. */
final class WorkbookJobs {
    private WorkbookJobs() {
    }

    static String text(JobOutcome outcome) {
        // What was written is named as such; a checked or refused workbook's text points to no sheet.
        boolean written = outcome.output().isPresent();
        StringBuilder out = new StringBuilder();
        String name = outcome.input().getFileName().toString();
        if (outcome.outputFailed()) {
            return out.append(name).append(": not converted: ").append(outcome.outputError().get()).append('\n').toString();
        }
        if (outcome.failed()) {
            out.append(name).append(": not converted, ").append(count(outcome.errors().size() + (outcome.fileError().isPresent() ? 1 : 0), "problem")).append(":\n");
            for (CellProblem problem : outcome.errors()) {
                out.append("  ").append(location(problem)).append(": found ").append(problem.found())
                        .append(", expected ").append(problem.expected()).append('\n');
            }
            outcome.fileError().ifPresent(e -> out.append("  ").append(e).append('\n'));
            appendWarnings(out, outcome);
            return out.toString();
        }
        Conversion.Analyzed analyzed = outcome.analyzed().get();
        Assumptions a = analyzed.analysis().assumptions();
        out.append(name);
        if (written) {
            out.append(" → ").append(outcome.output().get());
        }
        out.append(" (valued at ").append(a.valuationDate()).append(", ").append(a.currency())
                .append(", hurdle ").append(Formats.percent(a.hurdleRate(), 1)).append(")\n");
        String hurdle = Formats.percent(a.hurdleRate(), 1);
        // An owned cluster's row carries its decision's figures, from the valuation date: the IRR of holding, hold value
        // less sale, and the start price at which holding and selling are worth the same; its capex is sunk, so no payback.
        boolean anyOwned = analyzed.analysis().clusters().stream().anyMatch(c -> c.metrics().hold().isPresent());
        TextTable rows = new TextTable(3, "Cluster", "Status", "Decision", anyOwned ? "IRR (owned: of holding)" : "IRR",
                "NPV at " + hurdle + (anyOwned ? " (owned: hold − sale)" : ""), "Break-even price", "Payback");
        for (ClusterAnalysis c : analyzed.analysis().clusters()) {
            ClusterMetrics m = c.metrics();
            Optional<HoldFigures> hold = m.hold();
            OptionalDouble breakEven = hold.map(HoldFigures::breakEvenStartPrice).orElse(m.breakEvenStartPrice());
            rows.row(
                c.cluster().id(), c.cluster().status().label(), c.recommendation().decision().name(),
                hold.map(h -> h.holdIrr().display(1)).orElse(m.irr().display(1)),
                Formats.money(hold.map(HoldFigures::holdMinusSale).orElse(m.npvAtHurdle()), a.currency()),
                breakEven.isPresent() ? Formats.price(breakEven.getAsDouble(), a.currency()) + "/hr" : "n/a",
                hold.isPresent() ? "n/a (owned)"
                        : m.paybackMonths().isPresent() ? Formats.months(m.paybackMonths().getAsDouble()) : "never");
        }
        out.append(rows.render("  "));
        analyzed.analysis().clusters().stream()
                .filter(c -> c.metrics().hold().map(HoldFigures::lifeEnded).orElse(false))
                .forEach(c -> out.append("  ").append(c.cluster().id()).append(": useful life ended on ")
                        .append(c.metrics().hold().orElseThrow().lifeEndedOn().orElseThrow())
                        .append(", before the valuation date; nothing left to hold.\n"));
        if (!analyzed.analysis().contracts().isEmpty()) {
            TextTable contracts = new TextTable(3, "Contract", "Role", "Decision", "Cost kept at " + hurdle, "Cost chosen", "Gain");
            for (ContractAnalysis k : analyzed.analysis().contracts()) {
                contracts.row(
                    k.contract().contractId(), k.contract().role().label(), k.decision().label(),
                    Formats.money(k.keepCost(), a.currency()),
                    Formats.money(k.chosenCost(), a.currency()),
                    Formats.money(k.npvGainAtHurdle(), a.currency()));
            }
            out.append(contracts.render("  "));
        }
        if (!analyzed.risks().isEmpty()) {
            var first = analyzed.risks().get(0);
            out.append("  Monte Carlo: ").append(String.format(Locale.US, "%,d", first.paths())).append(" paths per cluster, seed ")
                    .append(first.seed()).append(written ? "; figures in the ROI Risk sheet" : "").append(".\n");
            TextTable risk = new TextTable(1, "Cluster", "NPV P5", "NPV P50", "NPV P95", "P(NPV at " + hurdle + " < 0)", "P(loss)",
                    "Flips");
            for (var r : analyzed.risks()) {
                risk.row(r.clusterId() + (r.holdValue().isPresent() ? " *" : ""), Formats.money(r.npv().p5(), a.currency()),
                        Formats.money(r.npv().p50(), a.currency()),
                        Formats.money(r.npv().p95(), a.currency()), Formats.percent(1 - r.probabilityOfBeatingHurdle(), 0),
                        Formats.percent(r.probabilityOfLoss(), 0), Formats.percent(r.decisionFlipShare(), 0));
            }
            out.append(risk.render("  "));
            if (analyzed.risks().stream().anyMatch(r -> r.holdValue().isPresent())) {
                out.append("  * owned: NPV and losses since purchase (realized + expected, history the same on every path);"
                        + " the decision, judged from the valuation date, flips in the share shown.\n");
            }
        }
        if (!analyzed.contractRisks().isEmpty()) {
            TextTable risk = new TextTable(2, "Contract", "Decision", "Cost P5", "Cost P50", "Cost P95", "Flips");
            for (var r : analyzed.contractRisks()) {
                risk.row(r.contractId(), r.baseDecision().label(), Formats.money(r.chosenCost().p5(), a.currency()),
                        Formats.money(r.chosenCost().p50(), a.currency()), Formats.money(r.chosenCost().p95(), a.currency()),
                        Formats.percent(r.decisionFlipShare(), 0));
            }
            out.append(risk.render("  "));
        }
        List<InputNote> notes = analyzed.read().notes();
        long defaults = notes.stream().filter(n -> n.kind() == InputNote.Kind.DEFAULT).count();
        long catalog = notes.stream().filter(n -> n.kind() == InputNote.Kind.CATALOG).count();
        appendWarnings(out, outcome);
        if (!outcome.memos().isEmpty()) {
            out.append("  ").append(count(outcome.memos().size(), "memo")).append(" → ")
                    .append(outcome.memos().get(0).getParent()).append('\n');
        }
        List<String> leftOut = notes.stream().filter(n -> n.kind() == InputNote.Kind.MEMO_NOT_RENDERED).map(InputNote::location).toList();
        if (!leftOut.isEmpty()) {
            // The first few by name; all of them are in the portfolio memo and the ROI Notes sheet.
            String shown = String.join(", ", leftOut.subList(0, Math.min(5, leftOut.size()))) + (leftOut.size() > 5 ? ", …" : "");
            out.append("  memos not rendered for ").append(count(leftOut.size(), "cluster or contract", "clusters and contracts"))
                    .append(" (").append(shown).append("): named in the portfolio memo").append(written ? " and the ROI Notes sheet" : "")
                    .append("; run with --memos all for every memo.\n");
        }
        out.append("  ").append(count((int) defaults, "default")).append(" and ").append(count((int) catalog, "catalog value"))
                .append(" used").append(written ? ", listed in the ROI Notes sheet" : "").append(".\n");
        return out.toString();
    }

    private static void appendWarnings(StringBuilder out, JobOutcome outcome) {
        for (InputNote warning : outcome.warnings()) {
            out.append("  warning: ").append(warning.location()).append(": ").append(warning.message()).append('\n');
        }
    }

    static ObjectNode json(JobOutcome outcome) {
        if (outcome.failed()) {
            return ErrorDocument.of(outcome);
        }
        ObjectNode node = ErrorDocument.skeleton(outcome.input().toString());
        outcome.output().ifPresent(output -> node.put("output", output.toString()));
        ArrayNode memos = node.withArray("memos");
        outcome.memos().forEach(memo -> memos.add(memo.toString()));
        List<String> notRendered = outcome.analyzed().map(a -> a.read().notes(InputNote.Kind.MEMO_NOT_RENDERED).stream()
                .map(InputNote::location).toList()).orElse(List.of());
        ArrayNode clusters = node.withArray("clusters");
        ArrayNode contracts = node.withArray("contracts");
        if (!notRendered.isEmpty()) {
            ArrayNode leftOut = node.putArray("memosNotRendered");
            notRendered.forEach(leftOut::add);
        }
        outcome.analyzed().ifPresent(analyzed -> {
            Assumptions a = analyzed.analysis().assumptions();
            node.put("sha256", analyzed.inputSha256());
            node.put("valuationDate", a.valuationDate().toString());
            node.put("currency", a.currency());
            node.put("discountRate", a.discountRate());
            node.put("hurdleRate", a.hurdleRate());
            Map<String, RiskProfile> risks = analyzed.result().risksById();
            Map<String, ContractRiskProfile> contractRisks = analyzed.result().contractRisksById();
            for (ClusterAnalysis c : analyzed.analysis().clusters()) {
                SensitivityFigures figures = analyzed.result().figures().forCluster(c);
                ObjectNode cluster = clusters.addObject();
                cluster.put("id", c.cluster().id());
                cluster.put("gpuModel", c.cluster().gpuModel());
                cluster.put("gpus", c.cluster().gpuCount());
                cluster.put("status", c.cluster().status().name().toLowerCase(Locale.ROOT));
                cluster.put("decision", c.recommendation().decision().name());
                cluster.put("reason", c.recommendation().reason());
                MetricsJson.put(cluster, c.metrics());
                MetricsJson.putUse(cluster, c);
                c.afterTax().ifPresent(t -> {
                    MetricsJson.putIrr(cluster, "afterTaxIrr", t.irr());
                    cluster.put("afterTaxNpvAtHurdle", t.npvAtHurdle());
                });
                c.leverage().ifPresent(l -> {
                    MetricsJson.putIrr(cluster, "equityIrr", l.equityIrr());
                    cluster.put("equityNpvAtHurdle", l.equityNpvAtHurdle());
                });
                Optional.ofNullable(risks.get(c.cluster().id())).ifPresent(r -> MetricsJson.putRisk(cluster.putObject("risk"), r));
                MetricsJson.putSensitivity(cluster.putObject("sensitivity"), figures);
                MetricsJson.putTornado(cluster.putArray("tornado"), figures.tornado());
            }
            analyzed.analysis().contracts().forEach(k -> {
                ObjectNode contract = contracts.addObject();
                ContractsJson.putContract(contract, k);
                Optional.ofNullable(contractRisks.get(k.contract().contractId()))
                        .ifPresent(r -> ContractsJson.putRisk(contract.putObject("risk"), r));
            });
            ContractsJson.putPortfolio(node.putObject("portfolio"), analyzed.analysis().rollup());
        });
        ErrorDocument.putWarnings(node.withArray("warnings"), outcome.warnings());
        node.putNull("outputError");
        return node;
    }

    private static String location(CellProblem problem) {
        if (!problem.cell().isEmpty()) {
            return problem.cell();
        }
        return problem.sheet().isEmpty() ? problem.fileName() : "sheet " + problem.sheet();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String count(int n, String one, String many) {
        return String.format(java.util.Locale.US, "%,d %s", n, n == 1 ? one : many);
    }
}
