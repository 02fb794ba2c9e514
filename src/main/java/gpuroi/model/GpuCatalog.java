package gpuroi.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typical figures for common GPU models, used only where a workbook is silent (its Fleet cell is
 * empty and it has no Market row for the model). Prices move fast and public indices disagree by
 * more than $1/hr, so every entry carries its source and date, and every value taken from here is
 * reported to the user as coming from the catalog.
 */
public final class GpuCatalog {
    private GpuCatalog() {
    }

    /**
     * One catalog entry.
     *
     * @param model                    canonical name, e.g. "H100 SXM"
     * @param powerKwPerGpu            typical draw per GPU including its server share, kW
     * @param newPricePerGpu           list (new) price per GPU including its share of the server
     * @param onDemandPricePerGpuHour  reference on-demand rental price per GPU-hour
     * @param secondaryPricePerGpu     used (resale) price per GPU, where a public figure exists
     * @param source                   where the figures come from and when
     */
    public record Entry(String model, double powerKwPerGpu, double newPricePerGpu, double onDemandPricePerGpuHour,
                        OptionalDouble secondaryPricePerGpu, String source) {
        public Entry {
            model = Checks.text(Field.GPU_MODEL, model);
            Checks.between(Field.POWER_PER_GPU, powerKwPerGpu, 0, 100, "kW per GPU from 0 to 100");
            Checks.nonNegative(Field.NEW_PRICE_PER_GPU, newPricePerGpu);
            Checks.nonNegative(Field.ON_DEMAND_PRICE_PER_GPU_HOUR, onDemandPricePerGpuHour);
            Checks.present(Field.SECONDARY_PRICE_PER_GPU, secondaryPricePerGpu);
            source = Checks.text(Field.SOURCE, source);
        }
    }

    public static final Entry H100_SXM = new Entry("H100 SXM", 1.15, 38_750, 2.95, OptionalDouble.of(23_500),
            "on-demand: median of 37 providers, May 2026; used: $22-25k early 2026 (midpoint); power: 8-GPU node 6.2-10.2 kW, "
                    + "about 1.0-1.3 kW per GPU with server share; new: $310k 8-GPU HGX node / 8 (latent.space, Oct 2024) "
                    + "[domain brief, Market reference figures]");
    public static final Entry H100_PCIE = new Entry("H100 PCIe", 0.75, 30_000, 2.49, OptionalDouble.empty(),
            "well-known public figures, approximate: 350 W card plus server share; new about $30k per card (2024-2025 "
                    + "reseller quotes); on-demand $2.49 (specialty-cloud list prices, 2025); no public resale index");
    public static final Entry H200 = new Entry("H200", 1.2, 40_000, 4.50, OptionalDouble.empty(),
            "on-demand: about $4.50/GPU-hr, 2025-2026 [domain brief]; power: 700 W like H100 SXM, node share as H100 "
                    + "[domain brief]; new: about $40k per GPU in an 8-GPU server (public estimates, 2025, approximate)");
    public static final Entry B200 = new Entry("B200", 1.8, 64_000, 6.00, OptionalDouble.empty(),
            "on-demand: about $6.00/GPU-hr (spot from $2.25), 2025-2026 [domain brief]; power: DGX B200 about 14.3 kW / 8 "
                    + "(NVIDIA spec); new: about $515k per DGX B200 / 8 (public reports, 2025, approximate)");
    public static final Entry A100_80GB = new Entry("A100 80GB", 0.8, 15_000, 1.60, OptionalDouble.empty(),
            "well-known public figures, approximate: DGX A100 6.5 kW / 8; new about $15k per GPU (2024-2025); "
                    + "on-demand about $1.60 (specialty clouds $1.29-1.79, 2025); no public resale index");
    public static final Entry L40S = new Entry("L40S", 0.55, 9_000, 0.90, OptionalDouble.empty(),
            "well-known public figures, approximate: 350 W card plus server share; new about $9k (about 1/5 of an "
                    + "H100, as the source article says); on-demand about $0.90 (specialty clouds, 2025)");
    public static final Entry MI300X = new Entry("MI300X", 1.25, 15_000, 2.20, OptionalDouble.empty(),
            "well-known public figures, approximate: 750 W card plus server share; new about $15k per GPU (analyst "
                    + "estimates, 2024); on-demand about $2.20 (specialty clouds, 2025)");

    public static final List<Entry> ENTRIES = List.of(H100_SXM, H100_PCIE, H200, B200, A100_80GB, L40S, MI300X);

    /**
     * The entry for a model name as people write it: {@code h100}, {@code H100 SXM5 80GB} and
     * {@code NVIDIA H100} all find H100 SXM; {@code H100 PCIe} finds H100 PCIe.
     */
    public static Optional<Entry> lookup(String gpuModel) {
        String s = squash(gpuModel);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        // GB200 and GH200 are different products that merely contain "b200" or "h200".
        if (s.contains("gb200") || s.contains("gh200")) {
            return Optional.empty();
        }
        if (s.contains("h100")) {
            return Optional.of(s.contains("pcie") || s.contains("nvl") ? H100_PCIE : H100_SXM);
        }
        if (s.contains("h200")) {
            return Optional.of(H200);
        }
        if (s.contains("b200")) {
            return Optional.of(B200);
        }
        // The A100's 40 GB version rents and resells for markedly less than the 80 GB one the catalog knows.
        if (s.contains("a100")) {
            return s.contains("40g") ? Optional.empty() : Optional.of(A100_80GB);
        }
        if (s.contains("l40s")) {
            return Optional.of(L40S);
        }
        // MI300A is an APU for supercomputers, not the MI300X accelerator.
        if (s.contains("mi300")) {
            return s.contains("mi300a") ? Optional.empty() : Optional.of(MI300X);
        }
        return Optional.empty();
    }

    /** Whether two names mean the same GPU: the same catalog entry, or the same letters and digits. */
    public static boolean sameModel(String a, String b) {
        Optional<Entry> ea = lookup(a);
        Optional<Entry> eb = lookup(b);
        if (ea.isPresent() || eb.isPresent()) {
            return ea.equals(eb);
        }
        String sa = squash(a);
        return !sa.isEmpty() && sa.equals(squash(b));
    }

    private static String squash(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
