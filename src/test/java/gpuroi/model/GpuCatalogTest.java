package gpuroi.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GpuCatalogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "h100            | H100 SXM",
            "H100 SXM5 80GB  | H100 SXM",
            "NVIDIA H100     | H100 SXM",
            "H100 PCIe       | H100 PCIe",
            "nvidia-h200-141gb | H200",
            "B200            | B200",
            "A100 80GB SXM   | A100 80GB",
            "L40S            | L40S",
            "AMD Instinct MI300X | MI300X",
    })
    void modelNamesAreMatchedLeniently(String written, String catalogModel) {
        assertThat(GpuCatalog.lookup(written)).map(GpuCatalog.Entry::model).contains(catalogModel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB200", "GH200", "L40", "Gaudi 3", "", "RTX 4090", "A100 40GB", "A100-SXM4-40GB", "A100 PCIe 40 GB",
        "AMD Instinct MI300A"})
    void otherProductsAreNotMistakenForCatalogModels(String written) {
        assertThat(GpuCatalog.lookup(written)).isEmpty();
    }

    @Test
    void theDomainBriefsMarketReferenceFiguresAreUsed() {
        assertThat(GpuCatalog.H100_SXM.onDemandPricePerGpuHour()).isEqualTo(2.95);
        assertThat(GpuCatalog.H200.onDemandPricePerGpuHour()).isEqualTo(4.50);
        assertThat(GpuCatalog.B200.onDemandPricePerGpuHour()).isEqualTo(6.00);
        assertThat(GpuCatalog.H100_SXM.secondaryPricePerGpu().getAsDouble()).isBetween(22_000.0, 25_000.0);
        assertThat(GpuCatalog.H100_SXM.powerKwPerGpu()).isBetween(1.0, 1.3);
        assertThat(GpuCatalog.ENTRIES).allSatisfy(e -> assertThat(e.source()).matches(".*20\\d\\d.*"));
    }

    @Test
    void namesOfTheSameGpuAreTheSameModel() {
        assertThat(GpuCatalog.sameModel("h100", "NVIDIA H100 SXM5")).isTrue();
        assertThat(GpuCatalog.sameModel("H100", "H100 PCIe")).isFalse();
        assertThat(GpuCatalog.sameModel("Gaudi 3", "gaudi-3")).isTrue();
        // A Market row for the 80 GB A100 is no price for the 40 GB one.
        assertThat(GpuCatalog.sameModel("A100 40GB", "A100 80GB")).isFalse();
        assertThat(GpuCatalog.sameModel("A100 40GB", "a100-40gb")).isTrue();
    }
}
