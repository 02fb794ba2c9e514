package gpuroi.report;

import gpuroi.engine.ClusterAnalysis;
import gpuroi.engine.FleetResult;
import gpuroi.engine.SensitivityFigures;
import gpuroi.engine.ContractAnalysis;
import gpuroi.engine.ContractRiskProfile;
import gpuroi.engine.PortfolioAnalysis;
import gpuroi.engine.RiskProfile;
import gpuroi.model.Assumptions;
import gpuroi.model.Cancellation;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Investment memos as PDF: one per cluster (decision first, then the numbers, charts, sensitivity
 * and the source of every assumption) and one for the portfolio. Templates are FreeMarker XHTML,
 * built in or from a folder the user edited; the same inputs always give byte-identical PDFs.
 */
public final class MemoRenderer {
    /** The file name of the portfolio memo in a memo folder; cluster memos never take it. */
    public static final String PORTFOLIO_FILE = "portfolio.pdf";

    private static final ExecutorService RENDER_THREADS = renderThreads();

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

    /** With the templates in {@code directory} (cluster-memo.ftlh, contract-memo.ftlh, portfolio-memo.ftlh, memo.css). */
    public static MemoRenderer fromDirectory(Path directory, Paper paper) throws MemoTemplateException {
        return new MemoRenderer(MemoTemplates.fromDirectory(directory), paper);
    }

    /**
     * The cluster memo from its analysis and its sensitivity figures as the pipeline computed them, with a Risk section
     * when the cluster has a Monte Carlo risk profile.
     */
    public byte[] clusterMemo(ClusterAnalysis analysis, SensitivityFigures figures, Optional<RiskProfile> risk, Assumptions assumptions,
                              MemoContext context) throws MemoTemplateException {
        Map<String, JFreeChart> charts = new HashMap<>();
        Map<String, Object> model = ClusterMemoModel.of(analysis, figures, risk, assumptions, context, paper, charts);
        String xhtml = templates.render(MemoTemplates.CLUSTER_MEMO, model);
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata(
                "Investment memo: " + analysis.cluster().id(),
                analysis.recommendation().decision().name() + ": " + analysis.cluster().gpuCount() + " × "
                        + analysis.cluster().gpuModel() + ", valued " + assumptions.valuationDate(),
                MemoCommon.author(context),
                String.join(", ", "GPU", "ROI", analysis.cluster().gpuModel(), analysis.recommendation().decision().name(),
                        context.inputFileName()),
                assumptions.valuationDate());
        return PdfMemoWriter.write(xhtml, metadata, MemoTemplates.CLUSTER_MEMO, charts);
    }

    /** The contract memo, with a Risk section when the contract has a Monte Carlo risk profile. */
    public byte[] contractMemo(ContractAnalysis analysis, Optional<ContractRiskProfile> risk, Assumptions assumptions,
                               MemoContext context) throws MemoTemplateException {
        Map<String, Object> model = ContractMemoModel.of(analysis, assumptions, context, paper);
        risk.ifPresent(r -> model.put("risk", ContractMemoModel.risk(r, assumptions)));
        String xhtml = templates.render(MemoTemplates.CONTRACT_MEMO, model);
        String decision = ContractMemoModel.label(analysis.decision());
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata(
                "Contract memo: " + analysis.contract().contractId(),
                decision + ": " + analysis.contract().gpuCount() + " × " + analysis.contract().gpuModel()
                        + " rented, valued " + assumptions.valuationDate(),
                MemoCommon.author(context),
                String.join(", ", "GPU", "ROI", "contract", analysis.contract().gpuModel(), decision, context.inputFileName()),
                assumptions.valuationDate());
        return PdfMemoWriter.write(xhtml, metadata, MemoTemplates.CONTRACT_MEMO, Map.of());
    }

    /**
     * The portfolio memo, with a Risk table of every cluster that has a Monte Carlo risk profile in {@code risks} (none when
     * empty), naming the clusters and contracts {@code selection} leaves without a memo.
     */
    public byte[] portfolioMemo(PortfolioAnalysis portfolio, List<RiskProfile> risks, MemoContext context, MemoSelection selection)
            throws MemoTemplateException {
        Map<String, Object> model = PortfolioMemoModel.of(portfolio, risks, context, paper);
        if (!selection.complete()) {
            model.put("memosLeftOut", PortfolioMemoModel.memosLeftOut(selection, context));
            model.put("memosLeftOutReason", selection.reason());
        }
        String xhtml = templates.render(MemoTemplates.PORTFOLIO_MEMO, model);
        PdfMemoWriter.Metadata metadata = new PdfMemoWriter.Metadata(
                "Portfolio memo: " + context.inputFileName(),
                portfolio.clusters().size() + " clusters, valued " + portfolio.assumptions().valuationDate(),
                MemoCommon.author(context),
                String.join(", ", "GPU", "ROI", "portfolio", context.inputFileName()),
                portfolio.assumptions().valuationDate());
        return PdfMemoWriter.write(xhtml, metadata, MemoTemplates.PORTFOLIO_MEMO, Map.of());
    }

    /**
     * The portfolio memo, then one memo per cluster, then one per lessee contract, in input order, rendered on all cores: each
     * memo is independent, and the same memo comes out byte-identical on any thread. Every cluster's figures must be in
     * {@code result}.
     */
    public List<byte[]> renderAll(FleetResult result, MemoContext context) throws MemoTemplateException {
        PortfolioAnalysis portfolio = result.analysis();
        Assumptions assumptions = portfolio.assumptions();
        List<Callable<byte[]>> jobs = new ArrayList<>();
        jobs.add(() -> portfolioMemo(portfolio, result.risks(), context, MemoSelection.all(portfolio)));
        for (ClusterAnalysis cluster : portfolio.clusters()) {
            jobs.add(() -> clusterMemo(cluster, result.figures().forCluster(cluster), result.riskOf(cluster), assumptions, context));
        }
        for (ContractAnalysis contract : portfolio.contracts()) {
            jobs.add(() -> contractMemo(contract, result.riskOf(contract), assumptions, context));
        }
        try {
            return onAllCores(jobs);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering in memory does no I/O", e);
        }
    }

    /**
     * Writes the portfolio memo ({@value #PORTFOLIO_FILE}) and the cluster and lessee-contract memos {@code selection} chooses
     * into {@code folder} (created if needed), each with its risk profile when a Monte Carlo ran, each through a temporary
     * file as soon as it is rendered, so a large fleet never holds all its PDFs in memory; returns the paths, portfolio
     * first, then clusters, then contracts, in input order. A contract named like a cluster gets a numbered file name.
     * The chosen clusters' figures must be in {@code result}.
     */
    public List<Path> writeAll(FleetResult result, MemoSelection selection, MemoContext context, Path folder)
            throws MemoTemplateException, IOException {
        PortfolioAnalysis portfolio = result.analysis();
        Assumptions assumptions = portfolio.assumptions();
        boolean folderIsNew = !Files.exists(folder);
        Files.createDirectories(folder);
        MemoFiles names = new MemoFiles();
        List<Callable<Path>> jobs = new ArrayList<>();
        Queue<Path> written = new ConcurrentLinkedQueue<>();
        String portfolioName = names.nameFor("portfolio", ".pdf");
        jobs.add(() -> wrote(written, MemoFiles.writeAtomically(folder, portfolioName,
                portfolioMemo(portfolio, result.risks(), context, selection))));
        for (int i = 0; i < portfolio.clusters().size(); i++) {
            if (!selection.clusters().get(i)) {
                continue;
            }
            ClusterAnalysis cluster = portfolio.clusters().get(i);
            String name = names.nameFor(cluster.cluster().id(), ".pdf");
            SensitivityFigures figures = result.figures().forCluster(cluster);
            Optional<RiskProfile> risk = result.riskOf(cluster);
            jobs.add(() -> wrote(written, MemoFiles.writeAtomically(folder, name, clusterMemo(cluster, figures, risk, assumptions, context))));
        }
        for (int i = 0; i < portfolio.contracts().size(); i++) {
            if (!selection.contracts().get(i)) {
                continue;
            }
            ContractAnalysis contract = portfolio.contracts().get(i);
            String name = names.nameFor(contract.contract().contractId(), ".pdf");
            Optional<ContractRiskProfile> risk = result.riskOf(contract);
            jobs.add(() -> wrote(written, MemoFiles.writeAtomically(folder, name, contractMemo(contract, risk, assumptions, context))));
        }
        try {
            return onAllCores(jobs);
        } catch (MemoTemplateException | IOException | RuntimeException e) {
            // One memo failed (a template stopped at its time limit, say): leave no half set of memos behind.
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            if (folderIsNew) {
                try (var left = Files.list(folder)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
            throw e;
        }
    }

    private static Path wrote(Queue<Path> written, Path path) {
        written.add(path);
        return path;
    }

    /** Runs independent jobs on the render threads and returns their results in order, or the first job's failure. */
    private static <T> List<T> onAllCores(List<Callable<T>> jobs) throws MemoTemplateException, IOException {
        List<Future<T>> futures;
        try {
            futures = RENDER_THREADS.invokeAll(jobs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.Cancelled("stopped while rendering memos");
        }
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation.Cancelled("stopped while rendering memos");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MemoTemplateException template) {
                    throw new MemoTemplateException(template.getMessage(), template);
                }
                if (cause instanceof IOException io) {
                    throw new IOException(io.getMessage(), io);
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }

    /** Daemon threads, one per core, kept for the JVM's life so each parses the fonts only once. */
    private static ExecutorService renderThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "gpuroi-memo-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
