package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.model.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Investment memos as PDF: one per cluster (decision first, then the numbers, charts, sensitivity
 * and the source of every assumption) and one for the portfolio. Templates are FreeMarker XHTML,
 * built in or from a folder the user edited; the same inputs always give byte-identical PDFs.
 */
public final class MemoRenderer {
    /** The file name of the portfolio memo in a memo folder; cluster memos never take it. */
    public static final String PORTFOLIO_FILE = "portfolio.pdf";

    private final MemoTemplates templates;
    private final Paper paper;

    private MemoRenderer(MemoTemplates templates, Paper paper) {
        this.templates = templates;
        this.paper = paper;
    }

    /** With the templates built into the jar. */
    public static MemoRenderer builtIn(Paper paper) {
        return new MemoRenderer(MemoTemplates.builtIn(), paper);
    }

    /** With the templates in {@code directory} (cluster-memo.ftlh, portfolio-memo.ftlh, memo.css). */
    public static MemoRenderer fromDirectory(Path directory, Paper paper) throws MemoTemplateException {
        return new MemoRenderer(MemoTemplates.fromDirectory(directory), paper);
    }

    public byte[] clusterMemo(ClusterAnalysis analysis, Assumptions assumptions, MemoContext context) throws MemoTemplateException {
        Map<String, Object> model = ClusterMemoModel.of(analysis, assumptions, context, paper);
        String xhtml = templates.render(MemoTemplates.CLUSTER_MEMO, model);
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata(
                "Investment memo: " + analysis.cluster().id(),
                analysis.recommendation().decision().name() + ": " + analysis.cluster().gpuCount() + " × "
                        + analysis.cluster().gpuModel() + ", valued " + assumptions.valuationDate(),
                MemoCommon.author(context),
                String.join(", ", "GPU", "ROI", analysis.cluster().gpuModel(), analysis.recommendation().decision().name(),
                        context.inputFileName()),
                assumptions.valuationDate());
        return PdfMemoWriter.write(xhtml, metadata, MemoTemplates.CLUSTER_MEMO);
    }

    public byte[] portfolioMemo(PortfolioAnalysis portfolio, MemoContext context) throws MemoTemplateException {
        Map<String, Object> model = PortfolioMemoModel.of(portfolio, context, paper);
        String xhtml = templates.render(MemoTemplates.PORTFOLIO_MEMO, model);
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata(
                "Portfolio memo: " + context.inputFileName(),
                portfolio.clusters().size() + " clusters, valued " + portfolio.assumptions().valuationDate(),
                MemoCommon.author(context),
                String.join(", ", "GPU", "ROI", "portfolio", context.inputFileName()),
                portfolio.assumptions().valuationDate());
        return PdfMemoWriter.write(xhtml, metadata, MemoTemplates.PORTFOLIO_MEMO);
    }

    /**
     * Writes the portfolio memo and one memo per cluster into {@code folder} (created if needed),
     * each through a temporary file; returns the paths, portfolio first, then clusters in input order.
     */
    public List<Path> writeAll(PortfolioAnalysis portfolio, MemoContext context, Path folder) throws MemoTemplateException, IOException {
        Files.createDirectories(folder);
        MemoFiles names = new MemoFiles();
        List<Path> written = new ArrayList<>();
        written.add(MemoFiles.writeAtomically(folder, names.nameFor("portfolio", ".pdf"), portfolioMemo(portfolio, context)));
        for (ClusterAnalysis cluster : portfolio.clusters()) {
            byte[] pdf = clusterMemo(cluster, portfolio.assumptions(), context);
            written.add(MemoFiles.writeAtomically(folder, names.nameFor(cluster.cluster().id(), ".pdf"), pdf));
        }
        return written;
    }
}
